package io.github.fgtools.functiongraph.client.model;

/** One mount (<code>func_mounts</code> item): type, resource and local path required. Set in the POM by element name (camelCase); sent in snake_case. */
public class FuncMount {
    public String mountType;
    public String mountResource;
    public String mountSharePath;
    public String localMountPath;
}
