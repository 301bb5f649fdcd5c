package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.deploy.DeployListener;
import io.github.fgtools.functiongraph.run.RunListener;

import org.apache.maven.plugin.logging.Log;

/**
 * The core's reports, in Maven's log: steps at INFO, retries at WARN, exchanges at DEBUG; a local run's handler log
 * lines marked as such.
 */
final class MavenLogListener implements DeployListener, RunListener {
    private final Log log;

    MavenLogListener(Log log) {
        this.log = log;
    }

    @Override
    public void step(String message) {
        log.info(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void handlerLog(String level, String message) {
        String line = "[handler " + level + "] " + message;
        if ("ERROR".equals(level)) {
            log.error(line);
        } else if ("WARN".equals(level)) {
            log.warn(line);
        } else {
            log.info(line);
        }
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
