package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Setting;

/** A user-facing parameter: the setting it sets, its POM element and, for scalars, its user property. */
public final class Parameter {
    public final Setting setting;
    public final String element;
    /** Null for a map or object set in the POM only. */
    public final String property;

    Parameter(Setting setting, String element, String property) {
        this.setting = setting;
        this.element = element;
        this.property = property;
    }

    /** {@code <memorySize> (functiongraph.memorySize)}. */
    public String describe() {
        return property == null ? "<" + element + ">" : "<" + element + "> (" + property + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
