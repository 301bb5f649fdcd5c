package io.github.fgtools.functiongraph.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map whose values are secrets ({@code encryptedUserData}). Its {@code toString()} shows the keys and masks every
 * value, so neither Maven's {@code -X} echo of the plugin's parameters nor any log line can print them.
 */
public final class SecretMap extends LinkedHashMap<String, String> {
    private static final long serialVersionUID = 1L;
    public static final String MASK = "******";

    public SecretMap() {
    }

    public SecretMap(Map<String, String> values) {
        if (values != null) {
            putAll(values);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (String key : keySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(key).append('=').append(MASK);
        }
        return sb.append('}').toString();
    }
}
