package io.github.fgtools.functiongraph.deploy;

import io.github.fgtools.functiongraph.client.FunctionUrn;

/** Deletes a function with all its versions and aliases; an absent function is reported, not an error. */
public final class DeleteService {
    private final DeployListener listener;

    public DeleteService(DeployListener listener) {
        this.listener = listener;
    }

    /** Returns true when a function was deleted, false when there was none. */
    public boolean delete(CloudSettings cloud, DeployService.CredentialsSupplier credentials, String functionPackage,
            String functionName) throws FunctionGraphException {
        try (CloudSession session = CloudSession.open(cloud, "delete", credentials, listener)) {
            FunctionUrn urn = session.urn(functionPackage, functionName);
            listener.step("Deleting " + urn.unqualified());
            if (session.functionGraph.delete(urn.unqualified())) {
                listener.step("Deleted " + urn.unqualified() + " (all versions and aliases)");
                return true;
            }
            listener.step("Function " + urn.unqualified() + " does not exist: nothing to delete");
            return false;
        }
    }
}
