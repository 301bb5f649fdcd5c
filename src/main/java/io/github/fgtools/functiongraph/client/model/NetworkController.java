package io.github.fgtools.functiongraph.client.model;

import java.util.List;

/** Public network access and trigger VPCs (<code>network_controller</code>). Set in the POM by element name (camelCase); sent in snake_case. */
public class NetworkController {
    public Boolean disablePublicNetwork;
    public List<VpcConfig> triggerAccessVpcs;
}
