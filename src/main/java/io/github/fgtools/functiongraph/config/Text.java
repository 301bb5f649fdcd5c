package io.github.fgtools.functiongraph.config;

import org.codehaus.plexus.util.StringUtils;

/** How a configuration value read from the POM or a property is cleaned: blank means "not set". */
final class Text {
    private Text() {
    }

    /** Null for null, empty or blank; else the value without surrounding white space. */
    static String blankToNull(String value) {
        return StringUtils.isBlank(value) ? null : value.trim();
    }
}
