package io.github.fgtools.functiongraph.client.model;

/** A VPC allowed to trigger the function. Set in the POM by element name (camelCase); sent in snake_case. */
public class VpcConfig {
    public String vpcId;
    public String vpcName;
}
