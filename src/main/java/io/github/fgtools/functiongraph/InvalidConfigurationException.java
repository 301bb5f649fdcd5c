package io.github.fgtools.functiongraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The configuration cannot be sent as it is; the message lists every problem, one per line. */
public final class InvalidConfigurationException extends FunctionGraphException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidConfigurationException(String what, List<String> problems) {
        super(format(what, problems));
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(String what, List<String> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" (nothing was sent)");
        for (String p : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(p);
        }
        return sb.toString();
    }
}
