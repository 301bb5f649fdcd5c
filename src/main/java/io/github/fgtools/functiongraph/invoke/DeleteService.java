package io.github.fgtools.functiongraph.invoke;

import io.github.fgtools.functiongraph.FunctionGraphException;
import io.github.fgtools.functiongraph.Reporter;
import io.github.fgtools.functiongraph.client.ApiException;
import io.github.fgtools.functiongraph.client.CloudSession;
import io.github.fgtools.functiongraph.client.FunctionUrn;
import io.github.fgtools.functiongraph.config.FunctionTarget;

/** Deletes a function with all its versions and aliases; an absent function is reported, not an error. */
public final class DeleteService {
    private final Reporter reporter;

    public DeleteService(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Returns true when a function was deleted, false when there was none. */
    public boolean delete(FunctionTarget target, CloudSession.CredentialsSupplier credentials)
            throws FunctionGraphException {
        try (CloudSession session = CloudSession.open(target.cloud, credentials, reporter)) {
            FunctionUrn urn = session.urn(target.functionPackage, target.functionName);
            reporter.info("Deleting " + urn.unqualified());
            int triggers = triggersOfLatest(session, urn);
            if (session.functionGraph.delete(urn.unqualified())) {
                reporter.info("Deleted " + urn.unqualified() + " (all versions and aliases"
                        + (triggers < 0 ? "" : ", and with it " + triggers + (triggers == 1 ? " trigger" : " triggers")
                        + " of latest") + ")");
                return true;
            }
            reporter.info("Function " + urn.unqualified() + " does not exist: nothing to delete");
            return false;
        }
    }

    /** How many triggers latest has (the service deletes them with the function); -1 when that cannot be read. */
    private int triggersOfLatest(CloudSession session, FunctionUrn urn) throws FunctionGraphException {
        try {
            return session.functionGraph.listTriggers(urn.latest()).size();
        } catch (ApiException e) {
            reporter.debug("Triggers not counted: " + e.getMessage());
            return -1;
        }
    }
}
