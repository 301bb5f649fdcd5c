package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.Setting;
import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.model.CreateTriggerRequest;
import io.github.fgtools.functiongraph.client.model.UpdateTriggerRequest;
import io.github.fgtools.functiongraph.config.TriggerIdentity;
import io.github.fgtools.functiongraph.config.TriggerSpec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Brings the triggers of one qualifier to what the POM declares: {@link #plan} decides (pure, tested on its own),
 * {@link #apply} sends the writes, one trigger after the other, adding each change to {@code changes} as it lands so
 * that a failure part-way says what already changed.
 */
final class TriggerReconciler {
    /** What to do with one trigger. */
    enum Action { CREATE, UPDATE, RECREATE, UNCHANGED, KEEP, DELETE }

    /** One decision: the declared trigger (null for one the POM does not name) and its cloud match (or null). */
    static final class Step {
        final Action action;
        final TriggerSpec desired;
        final JsonNode cloud;
        /** For RECREATE: the declared fields whose value differs. */
        final List<String> changedFields;

        Step(Action action, TriggerSpec desired, JsonNode cloud, List<String> changedFields) {
            this.action = action;
            this.desired = desired;
            this.cloud = cloud;
            this.changedFields = changedFields;
        }

        String describe() {
            return desired != null ? desired.describe()
                    : TriggerSpec.describe(cloud.path("trigger_type_code").asText(), cloud.path("event_data"));
        }
    }

    private final FunctionGraphClient fg;
    private final Reporter reporter;

    TriggerReconciler(FunctionGraphClient fg, Reporter reporter) {
        this.fg = fg;
        this.reporter = reporter;
    }

    /** Matches each declared trigger with the cloud's by type and identity, and decides. */
    static List<Step> plan(List<TriggerSpec> desired, JsonNode cloud, boolean prune) {
        List<JsonNode> unmatched = new ArrayList<>();
        cloud.forEach(unmatched::add);
        List<Step> steps = new ArrayList<>();
        for (TriggerSpec d : desired) {
            JsonNode match = null;
            for (Iterator<JsonNode> it = unmatched.iterator(); it.hasNext();) {
                JsonNode c = it.next();
                if (d.type.equals(c.path("trigger_type_code").asText())
                        && TriggerIdentity.same(d, c.path("event_data"))) {
                    match = c;
                    it.remove();
                    break;
                }
            }
            if (match == null) {
                steps.add(new Step(Action.CREATE, d, null, null));
            } else if (!TriggerIdentity.sameData(d, match.path("event_data"))) {
                steps.add(new Step(Action.RECREATE, d, match, TriggerIdentity.changedFields(d, match.path("event_data"))));
            } else if (!d.status.equals(match.path("trigger_status").asText())) {
                steps.add(new Step(Action.UPDATE, d, match, null));
            } else {
                steps.add(new Step(Action.UNCHANGED, d, match, null));
            }
        }
        for (JsonNode c : unmatched) {
            steps.add(new Step(prune ? Action.DELETE : Action.KEEP, null, c, null));
        }
        return steps;
    }

    /** The create request of a declared trigger (also what a dry run writes). */
    static CreateTriggerRequest createRequest(TriggerSpec d) {
        return new CreateTriggerRequest(d.type, d.status, null, d.eventData());
    }

    /** Sends the plan's writes; returns the {@code triggers} entries of deploy-result.json. */
    void apply(String urn, List<Step> steps, List<String> changes, List<Map<String, Object>> out)
            throws FunctionGraphException {
        List<String> kept = new ArrayList<>();
        for (Step s : steps) {
            String what = "trigger " + s.describe();
            switch (s.action) {
                case UNCHANGED:
                    reporter.info("Trigger " + s.describe() + " unchanged");
                    out.add(entry(s.cloud, "unchanged"));
                    break;
                case KEEP:
                    kept.add(s.describe() + " (" + s.cloud.path("trigger_id").asText() + ")");
                    out.add(entry(s.cloud, "kept"));
                    break;
                case DELETE:
                    reporter.info("Deleting trigger " + s.describe() + ", which the POM does not name ("
                            + Setting.PRUNE_TRIGGERS + ")");
                    delete(urn, s.cloud);
                    changes.add(what + " deleted");
                    out.add(entry(s.cloud, "deleted"));
                    break;
                case UPDATE:
                    reporter.info("Updating trigger " + s.describe() + ": status " + s.cloud.path("trigger_status")
                            .asText() + " → " + s.desired.status);
                    fg.updateTrigger(urn, s.desired.type, s.cloud.path("trigger_id").asText(),
                            new UpdateTriggerRequest(s.desired.status));
                    changes.add(what + " status updated to " + s.desired.status);
                    ObjectNode updated = s.cloud.deepCopy();
                    updated.put("trigger_status", s.desired.status);
                    out.add(entry(updated, "updated"));
                    break;
                case RECREATE:
                    reporter.info("Re-creating trigger " + s.describe() + ": " + String.join(", ", s.changedFields)
                            + " changed, which the API cannot update; deleting it and creating it again");
                    delete(urn, s.cloud);
                    changes.add(what + " deleted to re-create it (" + String.join(", ", s.changedFields)
                            + " changed)");
                    out.add(entry(create(urn, s.desired), "recreated"));
                    changes.set(changes.size() - 1, what + " re-created (" + String.join(", ", s.changedFields)
                            + " changed: the API cannot update it)");
                    break;
                case CREATE:
                    reporter.info("Creating trigger " + s.describe());
                    out.add(entry(create(urn, s.desired), "created"));
                    changes.add(what + " created");
                    break;
                default:
                    throw new IllegalStateException(s.action.name());
            }
        }
        if (!kept.isEmpty()) {
            reporter.info("Kept " + kept.size() + (kept.size() == 1 ? " trigger" : " triggers") + " the POM does not "
                    + "name: " + String.join(", ", kept) + " (set " + Setting.PRUNE_TRIGGERS + " to delete them)");
        }
    }

    private void delete(String urn, JsonNode cloud) throws FunctionGraphException {
        fg.deleteTrigger(urn, cloud.path("trigger_type_code").asText(), cloud.path("trigger_id").asText());
    }

    /** Creates {@code d}; a trigger the service starts DISABLED (DDS, Kafka) is then enabled when the POM says so. */
    private JsonNode create(String urn, TriggerSpec d) throws FunctionGraphException {
        ObjectNode created = fg.createTrigger(urn, createRequest(d));
        String status = created.path("trigger_status").asText(d.status);
        if (!status.equals(d.status) && created.hasNonNull("trigger_id")) {
            reporter.info("Trigger " + d.describe() + " was created " + status + "; setting it " + d.status);
            fg.updateTrigger(urn, d.type, created.path("trigger_id").asText(), new UpdateTriggerRequest(d.status));
            created.put("trigger_status", d.status);
        }
        if (!created.has("trigger_type_code")) {
            created.put("trigger_type_code", d.type);
        }
        return created;
    }

    /** Request bodies for display: secret-looking fields of event_data (a Kafka password) replaced. */
    static List<Object> masked(List<Object> requests) {
        for (Object r : requests) {
            JsonNode data = ((JsonNode) r).path("event_data");
            if (data instanceof ObjectNode) {
                List<String> names = new ArrayList<>();
                data.fieldNames().forEachRemaining(names::add);
                for (String n : names) {
                    if (n.matches("(?i).*(password|secret|token).*")) {
                        ((ObjectNode) data).put(n, "***");
                    }
                }
            }
        }
        return requests;
    }

    static Map<String, Object> entry(JsonNode trigger, String action) {
        Map<String, Object> m = new LinkedHashMap<>();
        String type = trigger.path("trigger_type_code").asText(null);
        m.put("type", type);
        m.put("id", trigger.path("trigger_id").asText(null));
        m.put("status", trigger.path("trigger_status").asText(null));
        m.put("action", action);
        m.put("invokeUrl", trigger.path("event_data").path("invoke_url").asText(null));
        return m;
    }
}
