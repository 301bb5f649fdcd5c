package io.github.fgtools.functiongraph;

import io.github.fgtools.functiongraph.config.Parameters;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.catchThrowable;

/** The core's messages as a Maven user reads them: every setting named by its POM element and user property. */
public final class Words {
    private Words() {
    }

    public static String render(String text) {
        return Setting.render(text, s -> Parameters.of(s).describe());
    }

    /** The rendered message of what {@code call} throws; fails when it throws nothing. */
    public static String thrown(ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        if (t == null) {
            throw new AssertionError("expected an exception, none was thrown");
        }
        return render(t.getMessage());
    }
}
