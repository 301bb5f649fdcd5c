package io.github.fgtools.functiongraph.client.model;

/**
 * UpdateFunctionMaxInstanceConfig's body ({@code PUT …/functions/{function_urn}/config-max-instance}): the
 * function's maximum number of instances, -1 for no limit, 0 disables the function.
 */
public class UpdateMaxInstanceRequest {
    public Integer maxInstanceNum;

    public UpdateMaxInstanceRequest() {
    }

    public UpdateMaxInstanceRequest(Integer maxInstanceNum) {
        this.maxInstanceNum = maxInstanceNum;
    }
}
