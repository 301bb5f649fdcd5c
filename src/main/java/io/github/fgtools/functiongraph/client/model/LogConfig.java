package io.github.fgtools.functiongraph.client.model;

/** Where the function logs go in LTS (<code>log_config</code>). Set in the POM by element name (camelCase); sent in snake_case. */
public class LogConfig {
    public String groupId;
    public String groupName;
    public String streamId;
    public String streamName;
}
