package io.github.fgtools.functiongraph.client.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * CreateFunctionTrigger's body, as the SDK's {@code CreateFunctionTriggerRequestBody}: {@code trigger_type_code},
 * {@code trigger_status}, {@code event_type_code}, {@code event_data}.
 */
public final class CreateTriggerRequest {
    public final String triggerTypeCode;
    public final String triggerStatus;
    public final String eventTypeCode;
    public final ObjectNode eventData;

    public CreateTriggerRequest(String triggerTypeCode, String triggerStatus, String eventTypeCode,
            ObjectNode eventData) {
        this.triggerTypeCode = triggerTypeCode;
        this.triggerStatus = triggerStatus;
        this.eventTypeCode = eventTypeCode;
        this.eventData = eventData;
    }
}
