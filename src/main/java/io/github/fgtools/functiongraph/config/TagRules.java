package io.github.fgtools.functiongraph.config;

import io.github.fgtools.functiongraph.Setting;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The function tags' rules (as Huawei Cloud's tag service states them): at most 20 per function; a key of 1–128
 * letters, digits, spaces and {@code _ . : = + - @}, not starting with {@code _sys_} and neither starting nor ending
 * with a space; a value of 0–255 of the same characters and {@code /}.
 */
public final class TagRules {
    public static final int MAX_TAGS = 20;
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N} _.:=+\\-@]{1,128}");
    private static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{N} _.:=+\\-@/]{0,255}");

    private TagRules() {
    }

    /** The POM's tags by key, each problem into {@code problems}; empty when none are declared. */
    static Map<String, String> check(Map<String, String> tags, Problems problems) {
        Map<String, String> out = new TreeMap<>();
        if (tags == null) {
            return out;
        }
        if (tags.size() > MAX_TAGS) {
            problems.add(Setting.TAGS, tags.size() + " tags", "at most " + MAX_TAGS + " per function");
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (!KEY.matcher(key).matches() || key.startsWith(" ") || key.endsWith(" ")
                    || key.toLowerCase(java.util.Locale.ROOT).startsWith("_sys_")) {
                problems.add(Setting.TAGS, key, "a key of 1–128 letters, digits, spaces and _ . : = + - @, not "
                        + "starting with _sys_ nor starting or ending with a space");
            }
            if (!VALUE.matcher(value).matches()) {
                problems.add(Setting.TAGS, key + "=" + value, "a value of at most 255 letters, digits, spaces and "
                        + "_ . : = + - @ /");
            }
            out.put(key, value);
        }
        return out;
    }
}
