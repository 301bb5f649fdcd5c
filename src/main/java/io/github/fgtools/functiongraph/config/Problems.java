package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.InvalidConfigurationException;
import io.github.fgtools.functiongraph.Setting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects every configuration problem before anything is sent, so that the user sees them all at once.
 * Each problem names the setting, the value, and what is allowed.
 */
public final class Problems {
    private final List<String> messages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** A problem with a setting: {@code <setting> = 'value': allowed}. */
    public void add(Setting setting, Object value, String allowed) {
        messages.add(setting + " = " + show(value) + ": " + allowed);
    }

    /** A problem that is not about one value (for example a missing file). */
    public void add(String message) {
        messages.add(message);
    }

    public void warn(Setting setting, Object value, String note) {
        warnings.add(setting + " = " + show(value) + ": " + note);
    }

    /** How many problems so far. */
    public int count() {
        return messages.size();
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
