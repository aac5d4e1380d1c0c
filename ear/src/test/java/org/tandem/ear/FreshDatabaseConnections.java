package org.tandem.ear;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Empties the datasource's pool before a test class deploys the EAR and after it undeploys it. Each
 * deployment starts and stops its own embedded PostgreSQL, so a second deployment in the same server
 * would otherwise find the pool holding connections to the first one's stopped server and log a WARN
 * with a stack trace for each (docs/operations.md, "Redeploying"), which the node's log test rightly
 * refuses. A node in service is restarted, not redeployed, so this is the tests' concern only.
 */
public class FreshDatabaseConnections implements ServerSetupTask {

    @Override
    public void setup(ManagementClient client, String container) throws Exception {
        flush(client);
    }

    @Override
    public void tearDown(ManagementClient client, String container) throws Exception {
        flush(client);
    }

    private static void flush(ManagementClient client) throws Exception {
        ModelNode flush = Operations.createOperation("flush-all-connection-in-pool",
                Operations.createAddress("subsystem", "datasources", "data-source", "TandemDS"));
        ModelNode outcome = client.getControllerClient().execute(flush);
        if (!Operations.isSuccessfulOutcome(outcome)) {
            throw new IllegalStateException("could not empty the TandemDS pool: " + Operations.getFailureDescription(outcome));
        }
    }
}
