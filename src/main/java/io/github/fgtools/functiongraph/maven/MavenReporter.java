package io.github.fgtools.functiongraph.maven;

import io.github.fgtools.functiongraph.Reporter;

import org.apache.maven.plugin.logging.Log;

/** The core's reports, in Maven's log, with settings named in Maven's words. */
final class MavenReporter implements Reporter {
    private final Log log;

    MavenReporter(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(MavenWords.render(message));
    }

    @Override
    public void warn(String message) {
        log.warn(MavenWords.render(message));
    }

    @Override
    public void error(String message) {
        log.error(MavenWords.render(message));
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(MavenWords.render(message));
        }
    }
}
