package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.client.TransportListener;

/** How the core reports to whoever runs it (the Mojo maps it to Maven's log). */
public interface DeployListener extends TransportListener {
    /** One line per step, at INFO. */
    void step(String message);

    void warn(String message);

    @Override
    default void retrying(String message) {
        warn(message);
    }

    @Override
    default void progress(String message) {
        step(message);
    }
}
