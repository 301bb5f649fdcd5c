package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.client.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a declared trigger is matched with the cloud's (contract: TIMER name; APIG path, method and group; OBS bucket,
 * events, prefix and suffix; SMN topic; LTS topic; other types the whole {@code event_data}) and whether a match is
 * already as declared. The service adds fields of its own to {@code event_data} (an APIG trigger's {@code invoke_url},
 * {@code api_id}, {@code func_info.function_urn}, …), so only the declared fields are compared; secrets, which the
 * service does not give back, are not compared.
 */
public final class TriggerIdentity {
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token).*");

    private TriggerIdentity() {
    }

    /** True when the cloud trigger with {@code cloudEventData} (same type) is the one {@code desired} names. */
    public static boolean same(TriggerSpec desired, JsonNode cloudEventData) {
        JsonNode d = desired.eventData();
        for (String field : desired.identityFields()) {
            if (SECRET.matcher(field).matches()) {
                continue;
            }
            if (!equal(d.get(field), cloudEventData.get(field))) {
                return false;
            }
        }
        return true;
    }

    /** True when every field {@code desired} declares has the same value in {@code cloudEventData}. */
    public static boolean sameData(TriggerSpec desired, JsonNode cloudEventData) {
        return covers(desired.eventData(), cloudEventData);
    }

    /** The declared top-level fields of {@code desired} whose value differs in {@code cloudEventData}. */
    public static List<String> changedFields(TriggerSpec desired, JsonNode cloudEventData) {
        List<String> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = desired.eventData().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode want = Json.MAPPER.createObjectNode().set(e.getKey(), e.getValue());
            if (!covers(want, cloudEventData)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private static boolean covers(JsonNode want, JsonNode have) {
        Iterator<Map.Entry<String, JsonNode>> it = want.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (SECRET.matcher(e.getKey()).matches()) {
                continue;
            }
            JsonNode h = have == null ? null : have.get(e.getKey());
            if (e.getValue().isObject() && h != null && h.isObject()) {
                if (!covers(e.getValue(), h)) {
                    return false;
                }
            } else if (!equal(e.getValue(), h)) {
                return false;
            }
        }
        return true;
    }

    /** Missing, null and "" are alike; arrays compare as sets (OBS events); numbers and text by their text. */
    static boolean equal(JsonNode a, JsonNode b) {
        boolean aEmpty = a == null || a.isNull() || (a.isTextual() && a.asText().isEmpty());
        boolean bEmpty = b == null || b.isNull() || (b.isTextual() && b.asText().isEmpty());
        if (aEmpty || bEmpty) {
            return aEmpty && bEmpty;
        }
        if (a.isArray() && b.isArray()) {
            return asSet(a).equals(asSet(b));
        }
        if (a.isValueNode() && b.isValueNode()) {
            return a.asText().equals(b.asText());
        }
        return a.equals(b);
    }

    private static Set<String> asSet(JsonNode array) {
        Set<String> s = new HashSet<>();
        array.forEach(n -> s.add(n.isValueNode() ? n.asText() : n.toString()));
        return s;
    }
}
