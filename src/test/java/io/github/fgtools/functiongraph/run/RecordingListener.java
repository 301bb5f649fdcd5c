package io.github.fgtools.functiongraph.run;

import io.github.fgtools.functiongraph.Reporter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every line, prefixed with its level, for assertions. */
final class RecordingListener implements Reporter {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void error(String message) {
        lines.add("ERROR " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    String all() {
        return String.join("\n", lines);
    }
}
