package io.github.fgtools.functiongraph.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every configuration problem before anything is sent, so that the user sees them all at once.
 * Each problem names the POM element and its user property, the value, and what is allowed.
 */
public final class Problems {
    private final List<String> messages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** A problem with a parameter: {@code <element> (functiongraph.property) = 'value': allowed}. */
    public void add(Parameter parameter, Object value, String allowed) {
        messages.add(parameter.describe() + " = " + show(value) + ": " + allowed);
    }

    /** A problem that is not about one value (for example a missing file). */
    public void add(String message) {
        messages.add(message);
    }

    public void warn(Parameter parameter, Object value, String note) {
        warnings.add(parameter.describe() + " = " + show(value) + ": " + note);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Throws one exception listing every problem, when there are any. */
    public void throwIfAny(String what) throws InvalidConfigurationException {
        if (!messages.isEmpty()) {
            throw new InvalidConfigurationException(what, messages);
        }
    }

    private static String show(Object value) {
        if (value == null) {
            return "(not set)";
        }
        if (value instanceof CharSequence) {
            return "'" + value + "'";
        }
        return String.valueOf(value);
    }
}
