package io.github.fgtools.functiongraph.client.model;

import java.util.List;

/** File systems mounted into the function (<code>mount_config</code>). Set in the POM by element name (camelCase); sent in snake_case. */
public class MountConfig {
    public MountUser mountUser;
    public List<FuncMount> funcMounts;
}
