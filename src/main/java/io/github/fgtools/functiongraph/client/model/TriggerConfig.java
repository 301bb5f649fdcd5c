package io.github.fgtools.functiongraph.client.model;

import java.util.List;

/**
 * One {@code <trigger>} of the POM, as Maven binds it: {@code <type>} (the API's {@code trigger_type_code}),
 * {@code <status>}, the type's {@code event_data} fields as camelCase elements for TIMER, APIG, DEDICATEDGATEWAY,
 * OBS, SMN and LTS, and {@code <eventData>} JSON for every other type. Validated and turned into the API's
 * {@code event_data} by {@code config.TriggerSpec}.
 */
public class TriggerConfig {
    public String type;
    public String status;
    public String eventData;
    // TIMER (and OBS: name)
    public String name;
    public String scheduleType;
    public String schedule;
    public String userEvent;
    // APIG, DEDICATEDGATEWAY
    public String groupId;
    public String envId;
    public String envName;
    public String path;
    public String method;
    public String protocol;
    public String auth;
    public String matchMode;
    public String visibility;
    public Integer timeoutMillis;
    public String instanceId;
    // OBS
    public String bucket;
    public List<String> events;
    public String prefix;
    public String suffix;
    // SMN
    public String topicUrn;
    // LTS
    public String logGroupId;
    public String logTopicId;
}
