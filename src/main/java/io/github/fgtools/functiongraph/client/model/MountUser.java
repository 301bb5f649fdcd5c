package io.github.fgtools.functiongraph.client.model;

/** The user a mount acts as (<code>mount_user</code>): both ids required. Set in the POM by element name (camelCase); sent in snake_case. */
public class MountUser {
    public String userId;
    public String userGroupId;
}
