package org.tandem.engine.cluster;

import org.tandem.engine.services.EngineServices;
import org.tandem.engine.EngineSettings;
import org.tandem.engine.FreePort;
import org.tandem.engine.SipEngine;
import org.tandem.engine.services.CallPolicy;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.registrar.TestPhone;
import org.tandem.storage.jdbc.JdbcCallCounts;
import org.tandem.storage.notification.PostgresTenantChanges;
import org.tandem.storage.jdbc.JdbcCallRecords;
import org.tandem.storage.jdbc.JdbcNodes;
import org.tandem.storage.jdbc.JdbcRegistrations;
import org.tandem.storage.jdbc.JdbcSipAccounts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * One engine of a test cluster on its own loopback address, with its row in {@code node}. The nodes
 * of a test share one database, as replication makes every node's database hold every row.
 */
record TestNode(UUID id, String address, int port, SipEngine engine) {

    static final byte[] SECRET = "test-cluster-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8);

    static TestNode start(RegistrarDatabase db, String address) {
        UUID id = UUID.randomUUID();
        String name = "node-" + id.toString().substring(0, 8);
        int port = FreePort.udpAndTcp();
        db.execute("insert into node (id, name, sip_host, sip_port, cluster_host, created_at) "
                + "values (?, ?, ?, ?, ?, now())", id, name, address, port, address);
        EngineServices services = EngineServices.builder(new JdbcSipAccounts(db.dataSource()),
                        new JdbcRegistrations(db.dataSource()), id)
                .callRecords(new JdbcCallRecords(db.dataSource()))
                .calls(CallPolicy.DEFAULT.withStopGrace(Duration.ZERO))
                .peers(new ClusterPeers(new JdbcNodes(db.dataSource()), Optional.of(new NodeHop(SECRET)),
                        new JdbcCallCounts(db.dataSource()),
                        Optional.of(PostgresTenantChanges.registrations(() -> db.dataSource().getConnection()))))
                .build();
        SipEngine engine = new SipEngine(new EngineSettings(name, address, port, EngineSettings.StackTuning.DEFAULT),
                services);
        engine.start();
        return new TestNode(id, address, port, engine);
    }

    /** A phone on 127.0.0.1 that talks to this node. */
    TestPhone phone(String transport, String number, String domain) throws Exception {
        return TestPhone.to(transport, address, port, number, domain);
    }

    /** How this node names itself in the Via of what it sends. */
    String sentBy() {
        return address + ":" + port;
    }
}
