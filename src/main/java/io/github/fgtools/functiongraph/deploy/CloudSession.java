package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.client.Credentials;
import io.github.fgtools.functiongraph.client.FunctionGraphClient;
import io.github.fgtools.functiongraph.client.FunctionUrn;
import io.github.fgtools.functiongraph.client.HttpTransport;
import io.github.fgtools.functiongraph.client.IamClient;
import io.github.fgtools.functiongraph.client.ObsClient;

import java.io.IOException;
import java.net.URI;

/**
 * One execution's connection to the cloud: the HTTP client, the project id (looked up in IAM when not given), and
 * the FunctionGraph and OBS clients over them. Refuses to open when Maven is offline.
 */
final class CloudSession implements AutoCloseable {
    final HttpTransport transport;
    final String projectId;
    final FunctionGraphClient functionGraph;
    final ObsClient obs;
    private final CloudSettings cloud;

    private CloudSession(CloudSettings cloud, HttpTransport transport, String projectId) {
        this.cloud = cloud;
        this.transport = transport;
        this.projectId = projectId;
        this.functionGraph = new FunctionGraphClient(transport, cloud.endpoint, projectId);
        this.obs = new ObsClient(transport, cloud.obsEndpoint, cloud.obsPathStyle());
    }

    static CloudSession open(CloudSettings cloud, String goal, DeployService.CredentialsSupplier credentials,
            DeployListener listener) throws FunctionGraphException {
        if (cloud.offline) {
            throw new FunctionGraphException("Maven is offline (-o): functiongraph:" + goal + " needs the network to "
                    + "reach " + cloud.endpoint + ". Run without -o" + ("deploy".equals(goal)
                    ? ", or with -Dfunctiongraph.dryRun to see the requests without sending them." : "."));
        }
        for (URI uri : new URI[] {cloud.endpoint, cloud.iamEndpoint, cloud.obsEndpoint}) {
            if (CloudSettings.isInsecure(uri)) {
                listener.warn("Plain http:// endpoint " + uri + ": signed requests travel unencrypted. Use https:// "
                        + "outside local tests.");
            }
        }
        Credentials creds = credentials.get();
        listener.debug("Credentials: " + creds);
        HttpTransport transport = new HttpTransport(creds, cloud.retries, cloud.connectTimeoutSeconds,
                cloud.readTimeoutSeconds, cloud.proxy, listener);
        try {
            String projectId = cloud.projectId;
            if (projectId == null) {
                listener.step("Looking up the project id of region " + cloud.region + " in IAM");
                projectId = new IamClient(transport, cloud.iamEndpoint).projectIdOf(cloud.region);
            }
            return new CloudSession(cloud, transport, projectId);
        } catch (FunctionGraphException | RuntimeException e) {
            closeQuietly(transport);
            throw e;
        }
    }

    FunctionUrn urn(String functionPackage, String functionName) {
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
