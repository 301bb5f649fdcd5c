package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.FunctionUrn;
import io.github.fgtools.functiongraph.client.Json;
import io.github.fgtools.functiongraph.config.ReservedSpec;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reserved instances on the alias or {@code latest}: read with ListReservedInstanceConfigs (the entry whose
 * {@code qualifier_name} is the qualifier; none: 0 and no idle mode), written with
 * UpdateFunctionReservedInstancesCount ({@code PUT …/{qualified_urn}/reservedinstances}, {@code {count,
 * idle_mode}}) only when they differ.
 */
final class ReservedInstances {
    private final FunctionGraphClient fg;
    private final Reporter reporter;

    ReservedInstances(FunctionGraphClient fg, Reporter reporter) {
        this.fg = fg;
        this.reporter = reporter;
    }

    /** The configured entry of {@code qualifier} in a ListReservedInstanceConfigs answer, or null. */
    static JsonNode entry(JsonNode listed, String qualifier) {
        for (JsonNode r : listed.path("reserved_instances")) {
            if (qualifier.equals(r.path("qualifier_name").asText())) {
                return r;
            }
        }
        return null;
    }

    static ObjectNode request(ReservedSpec spec, boolean currentIdle) {
        ObjectNode body = Json.API.createObjectNode();
        body.put("count", spec.count);
        body.put("idle_mode", spec.idleMode != null ? spec.idleMode : currentIdle);
        return body;
    }

    static String qualifiedUrn(FunctionUrn urn, String qualifier) {
        return qualifier.equals("latest") ? urn.latest() : urn.alias(qualifier);
    }

    void apply(FunctionUrn urn, ReservedSpec spec, List<String> changes) throws FunctionGraphException {
        JsonNode e = entry(fg.listReservedInstances(urn.unqualified()), spec.qualifier);
        int count = e == null ? 0 : e.path("min_count").asInt(0);
        boolean idle = e != null && e.path("idle_mode").asBoolean(false);
        boolean idleDiffers = spec.idleMode != null && spec.idleMode != idle;
        if (count == spec.count && !idleDiffers) {
            reporter.info("Reserved instances on " + spec.qualifier + " unchanged (" + count + ")");
            return;
        }
        String what = "reservedInstances on " + spec.qualifier + " " + count + " -> " + spec.count
                + (idleDiffers ? ", idle mode " + idle + " -> " + spec.idleMode : "");
        reporter.info("Updating " + what);
        fg.updateReservedInstances(qualifiedUrn(urn, spec.qualifier), request(spec, idle));
        changes.add(what);
    }
}
