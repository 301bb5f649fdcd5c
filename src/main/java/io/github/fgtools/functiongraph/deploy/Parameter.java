package io.github.fgtools.functiongraph.deploy;

/** A user-facing parameter: its POM element and, for scalars, its user property. */
public final class Parameter {
    private final String element;
    private final String property;

    private Parameter(String element, String property) {
        this.element = element;
        this.property = property;
    }

    public static Parameter of(String element, String property) {
        return new Parameter(element, property);
    }

    /** A parameter whose user property is {@code functiongraph.<element>}. */
    public static Parameter named(String element) {
        return new Parameter(element, "functiongraph." + element);
    }

    /** A map or object parameter that is set in the POM only. */
    public static Parameter pomOnly(String element) {
        return new Parameter(element, null);
    }

    public String element() {
        return element;
    }

    public String property() {
        return property;
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
