package io.github.fgtools.functiongraph.client.model;

import java.util.List;

/** The function's VPC (<code>func_vpc</code>): <code>vpcId</code> and <code>subnetId</code> are required. Set in the POM by element name (camelCase); sent in snake_case. */
public class FuncVpc {
    public String vpcId;
    public String subnetId;
    public String vpcName;
    public String subnetName;
    public String cidr;
    public String gateway;
    public String domainId;
    public String namespace;
    public List<String> securityGroups;
}
