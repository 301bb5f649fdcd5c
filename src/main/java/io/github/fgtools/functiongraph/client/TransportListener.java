package io.github.fgtools.functiongraph.client;

/** What the HTTP layer reports: retries at WARN, each exchange at DEBUG, upload progress at INFO. */
public interface TransportListener {
    void retrying(String message);

    void debug(String message);

    void progress(String message);

    TransportListener NONE = new TransportListener() {
        @Override
        public void retrying(String message) {
        }

        @Override
        public void debug(String message) {
        }

        @Override
        public void progress(String message) {
        }
    };
}
