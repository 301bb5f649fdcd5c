package io.github.fgtools.functiongraph.client;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;

import java.io.IOException;
import java.net.URI;

/**
 * One execution's connection to the cloud: the HTTP client, the project id (looked up in IAM when not given), and
 * the FunctionGraph and OBS clients over them. Refuses to open when the build runs offline.
 */
public final class CloudSession implements AutoCloseable {
    /** Supplies credentials when (and only when) a call is about to be made. */
    public interface CredentialsSupplier {
        Credentials get() throws FunctionGraphException;
    }

    /** The build runs offline, and this goal needs the network. */
    public static final class OfflineException extends FunctionGraphException {
        private static final long serialVersionUID = 1L;
        public final URI endpoint;

        OfflineException(URI endpoint) {
            super("Offline: the goal needs the network to reach " + endpoint, true, null);
            this.endpoint = endpoint;
        }
    }

    public final String projectId;
    public final FunctionGraphClient functionGraph;
    public final ObsClient obs;
    private final CloudSettings cloud;
    private final HttpTransport transport;

    private CloudSession(CloudSettings cloud, HttpTransport transport, String projectId) {
        this.cloud = cloud;
        this.transport = transport;
        this.projectId = projectId;
        this.functionGraph = new FunctionGraphClient(transport, cloud.endpoint, projectId);
        this.obs = new ObsClient(transport, cloud.obsEndpoint, cloud.obsPathStyle());
    }

    public static CloudSession open(CloudSettings cloud, CredentialsSupplier credentials, Reporter reporter)
            throws FunctionGraphException {
        if (cloud.offline) {
            throw new OfflineException(cloud.endpoint);
        }
        for (URI uri : new URI[] {cloud.endpoint, cloud.iamEndpoint, cloud.obsEndpoint}) {
            if (CloudSettings.isInsecure(uri)) {
                reporter.warn("Plain http:// endpoint " + uri + ": signed requests travel unencrypted. Use https:// "
                        + "outside local tests.");
            }
        }
        Credentials creds = credentials.get();
        reporter.debug("Credentials: " + creds);
        HttpTransport transport = new HttpTransport(creds, cloud.retries, cloud.connectTimeoutSeconds,
                cloud.readTimeoutSeconds, cloud.proxies, reporter);
        try {
            String projectId = cloud.projectId;
            if (projectId == null) {
                reporter.info("Looking up the project id of region " + cloud.region + " in IAM");
                projectId = new IamClient(transport, cloud.iamEndpoint).projectIdOf(cloud.region);
            }
            return new CloudSession(cloud, transport, projectId);
        } catch (FunctionGraphException | RuntimeException e) {
            closeQuietly(transport);
            throw e;
        }
    }

    public FunctionUrn urn(String functionPackage, String functionName) {
        return new FunctionUrn(cloud.region, projectId, functionPackage, functionName);
    }

    private static void closeQuietly(HttpTransport transport) {
        try {
            transport.close();
        } catch (IOException ignored) {
            // nothing to report
        }
    }

    @Override
    public void close() {
        closeQuietly(transport);
    }
}
