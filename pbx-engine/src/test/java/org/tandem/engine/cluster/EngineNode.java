package org.tandem.engine.cluster;

import org.tandem.engine.EngineSettings;
import org.tandem.engine.SipEngine;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.services.CallPolicy;
import org.tandem.engine.services.EngineServices;
import org.tandem.engine.services.MailboxOwners;
import org.tandem.engine.services.MessageWaitingPolicy;
import org.tandem.engine.services.VoicemailData;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;
import org.tandem.storage.notification.PostgresVoicemailChanges;
import org.tandem.storage.jdbc.JdbcCallCounts;
import org.tandem.storage.jdbc.JdbcCallRecords;
import org.tandem.storage.jdbc.JdbcNodes;
import org.tandem.storage.jdbc.JdbcRegistrations;
import org.tandem.storage.jdbc.JdbcSipAccounts;
import org.tandem.storage.notification.PostgresSipAccountChanges;
import org.tandem.storage.notification.PostgresTenantChanges;
import org.tandem.testsupport.database.NodeRow;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sip.TestPhone;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The SIP engine of one node of a test cluster, on its own loopback address, with its row in {@code node}. */
record EngineNode(UUID id, String address, int port, SipEngine engine) {

    static final byte[] SECRET = "test-cluster-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8);

    /** An engine on the shared test database, which gets its node row here. */
    static EngineNode start(RegistrarDatabase db, String address) {
        UUID id = UUID.randomUUID();
        String name = "node-" + id.toString().substring(0, 8);
        int port = FreePorts.udpAndTcp();
        NodeRow.node(name, address).id(id).sipPort(port).insertInto(db.dataSource());
        return start(db.dataSource(), id, name, address, port);
    }

    /** The engine of node {@code id}, whose row {@code data} holds already, listening on {@code address:port}. */
    static EngineNode start(DataSource data, UUID id, String name, String address, int port) {
        EngineServices services = EngineServices.builder(new JdbcSipAccounts(data), new JdbcRegistrations(data), id)
                .accountChanges(new PostgresSipAccountChanges(data::getConnection)) // as a node's: every account read at start
                .callRecords(new JdbcCallRecords(data))
                .calls(CallPolicy.DEFAULT.withStopGrace(Duration.ZERO))
                .voicemail(new VoicemailData(new JdbcMailboxes(data), new JdbcVoicemailMessages(data, id),
                        new PostgresVoicemailChanges(data::getConnection), MessageWaitingPolicy.DEFAULT,
                        MailboxOwners.in(data)))
                .peers(new ClusterPeers(new JdbcNodes(data), Optional.of(new NodeHop(SECRET)),
                        new JdbcCallCounts(data),
                        Optional.of(PostgresTenantChanges.registrations(data::getConnection))))
                .build();
        SipEngine engine = new SipEngine(new EngineSettings(name, address, port, EngineSettings.StackTuning.DEFAULT),
                services);
        engine.start();
        return new EngineNode(id, address, port, engine);
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
