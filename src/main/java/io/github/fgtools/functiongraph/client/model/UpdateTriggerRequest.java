package io.github.fgtools.functiongraph.client.model;

/** UpdateTrigger's body, as the SDK's {@code UpdateTriggerRequestBody}: the plugin changes {@code trigger_status}. */
public final class UpdateTriggerRequest {
    public final String triggerStatus;

    public UpdateTriggerRequest(String triggerStatus) {
        this.triggerStatus = triggerStatus;
    }
}
