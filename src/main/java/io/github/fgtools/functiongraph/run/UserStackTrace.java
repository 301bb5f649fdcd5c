package io.github.fgtools.functiongraph.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The user's own stack frames: a handler's exception, or where a timed-out handler was, without the frames of the
 * plugin, of reflection and of the thread that called the handler. Frames between two user frames stay (a JDK call
 * inside the user's code is part of the story); only the trailing frames below the handler go.
 */
final class UserStackTrace {
    private static final List<String> MACHINERY = Collections.unmodifiableList(Arrays.asList(
            "io.github.fgtools.functiongraph.", "java.lang.reflect.", "jdk.internal.reflect.", "sun.reflect.",
            "java.lang.invoke.", "java.util.concurrent.", "java.lang.Thread"));

    private UserStackTrace() {
    }

    /** Trims {@code t}, its causes and suppressed exceptions in place, and returns {@code t}. */
    static Throwable trim(Throwable t) {
        trim(t, Collections.newSetFromMap(new IdentityHashMap<>()));
        return t;
    }

    private static void trim(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        t.setStackTrace(trim(t.getStackTrace()));
        trim(t.getCause(), seen);
        for (Throwable s : t.getSuppressed()) {
            trim(s, seen);
        }
    }

    /** The frames above the trailing machinery; all of them when every frame is machinery. */
    static StackTraceElement[] trim(StackTraceElement[] frames) {
        int end = frames.length;
        while (end > 0 && isMachinery(frames[end - 1])) {
            end--;
        }
        return end == 0 ? frames : Arrays.copyOf(frames, end);
    }

    private static boolean isMachinery(StackTraceElement frame) {
        for (String prefix : MACHINERY) {
            if (frame.getClassName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Like {@code printStackTrace()}, but every cause printed in full (they are short once trimmed). */
    static String render(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String prefix = "";
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            sb.append(prefix).append(c);
            appendFrames(sb, c.getStackTrace());
            for (Throwable s : c.getSuppressed()) {
                sb.append(System.lineSeparator()).append("\tSuppressed: ").append(s);
                appendFrames(sb, s.getStackTrace());
            }
            prefix = System.lineSeparator() + "Caused by: ";
        }
        return sb.toString();
    }

    /** The frames as lines, for a JSON error body. */
    static List<String> lines(StackTraceElement[] frames) {
        List<String> lines = new ArrayList<>();
        for (StackTraceElement f : frames) {
            lines.add(f.toString());
        }
        return lines;
    }

    static void appendFrames(StringBuilder sb, StackTraceElement[] frames) {
        for (StackTraceElement f : frames) {
            sb.append(System.lineSeparator()).append("\tat ").append(f);
        }
    }
}
