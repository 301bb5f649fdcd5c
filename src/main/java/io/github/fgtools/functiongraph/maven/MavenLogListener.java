package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.deploy.DeployListener;

import org.apache.maven.plugin.logging.Log;

/** The core's reports, in Maven's log: steps at INFO, retries at WARN, exchanges at DEBUG. */
final class MavenLogListener implements DeployListener {
    private final Log log;

    MavenLogListener(Log log) {
        this.log = log;
    }

    @Override
    public void step(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }
}
