package org.tandem.engine.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.tandem.cluster.replication.ClusterJoin;
import org.tandem.cluster.replication.ClusterMembership;
import org.tandem.cluster.replication.DatabaseMembershipChanges;
import org.tandem.cluster.replication.HomeNodeGuard;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.engine.Eventually;
import org.tandem.engine.SipEngine;
import org.tandem.router.dns.Bind9;
import org.tandem.router.dns.ClusterRecords;
import org.tandem.router.dns.SipTarget;
import org.tandem.router.dns.SipTransport;
import org.tandem.router.dns.SrvResolver;
import org.tandem.router.dns.ZonePublisher;
import org.tandem.storage.connection.DatabaseLogin;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.connection.ReplicationLogin;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.jdbc.JdbcClusterLayouts;
import org.tandem.storage.schema.SchemaMigration;
import org.tandem.testsupport.database.ExtensionRow;
import org.tandem.testsupport.database.NodeRow;
import org.tandem.testsupport.database.OwnerRows;
import org.tandem.testsupport.database.PoolRow;
import org.tandem.testsupport.database.Sql;
import org.tandem.testsupport.database.TenantRow;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sip.TestPhone;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.tandem.testsupport.sip.SipTestClient.headers;
import static org.tandem.engine.call.CallMessages.finalAnswer;
import static org.tandem.engine.call.CallMessages.inDialog;
import static org.tandem.engine.call.CallMessages.next;
import static org.tandem.engine.call.CallMessages.one;
import static org.tandem.engine.call.CallMessages.response;
import static org.tandem.engine.call.CallMessages.sdp;
import static org.tandem.engine.call.CallMessages.sendAuthenticatedInvite;
import static org.tandem.engine.call.CallMessages.statusLineOfCall;

/**
 * The cluster survives its tenant's home node: two nodes, A (127.0.0.2) and B (127.0.0.3), each with
 * its own PostgreSQL replicating both ways, Tandem's SRV records for the tenant in a real bind9
 * (A priority 10, B 20), and phones that follow SRV. With A killed (engine and database), the phones
 * re-register on B and call each other there; the tenant's configuration changes on B (its home while
 * A is down); when A comes back it holds B's change and B's call records, nothing lost or doubled.
 * Prints the seconds from the kill to the first call connected on B. With only A's database killed,
 * A hands its phones to B cleanly: it answers them 503, and phones that follow SRV go on to B.
 * First, a third node C, started empty with its engine running, is joined from A (as A's page does)
 * and takes a phone and a call handed over from A with no restart; then it is removed again.
 */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverTest {

    private static final String DOMAIN = "acme.tandem.test";
    private static final DatabaseLogin LOGIN = new DatabaseLogin("tandem", "tandem");
    private static final Duration CONVERGED = Duration.ofSeconds(30);
    /** How long a phone waits for a registrar before trying the next SRV target. */
    private static final Duration NO_ANSWER = Duration.ofSeconds(1);

    private static Path folder;
    private static Node a;
    private static Node b;
    private static Bind9 dns;
    private static UUID tenantId;

    /** One node: its database, its engine, and its row's identity. */
    private static final class Node {
        final UUID id = UUID.randomUUID();
        final String name;
        final String host;
        final int dbPort = FreePorts.udpAndTcp();
        final int sipPort = FreePorts.udpAndTcp();
        EmbeddedDatabase database;
        SipEngine engine;

        Node(String name, String host) {
            this.name = name;
            this.host = host;
        }

        void startDatabase() {
            database = EmbeddedDatabase.start(folder.resolve(name), host, dbPort, "tandem", "tandem", "tandem",
                    new ReplicationLogin("tandem", ReplicationLogin.LOOPBACK_NETWORK));
            SchemaMigration.migrate(database.dataSource());
        }

        void joinCluster(Optional<Node> seed) throws SQLException {
            try (Connection local = dataSource().getConnection()) {
                new ClusterMembership(LOGIN, new ReplicationLogin("tandem", ReplicationLogin.LOOPBACK_NETWORK))
                        .onStart(local, new ClusterJoin.JoiningNode(id, name, address()), seed.map(Node::address));
            }
        }

        void startEngine() {
            engine = EngineNode.start(dataSource(), id, name, host, sipPort).engine();
        }

        /** Dies at once: engine and database, as when the machine goes. */
        void kill() {
            engine.stop();
            database.close();
            database = null;
        }

        NodeDatabase address() {
            return new NodeDatabase(host, dbPort, "tandem");
        }

        DataSource dataSource() {
            return database.dataSource();
        }

        List<String> strings(String sql, Object... parameters) {
            return Sql.strings(dataSource(), sql, parameters);
        }
    }

    @BeforeAll
    static void startCluster() throws Exception {
        folder = Files.createTempDirectory("tandem-failover");
        a = new Node("failover-a", "127.0.0.2");
        b = new Node("failover-b", "127.0.0.3");
        a.startDatabase();
        insertNode(a);
        a.joinCluster(Optional.empty());
        b.startDatabase();
        insertNode(b);
        b.joinCluster(Optional.of(a));
        Eventually.until(() -> a.strings("select name from node where id = ?", b.id).size() == 1, CONVERGED,
                () -> "A never saw B join");

        tenantId = seedTenant(a, "101", "102");
        Eventually.until(() -> b.strings("select number from extension where tenant_id = ?", tenantId).size() == 2,
                CONVERGED, () -> "the tenant did not reach B");
        a.startEngine();
        b.startEngine();

        dns = Bind9.start(folder, "");
        new ZonePublisher(dns.client(Bind9.PUBLISHER), dns.names())
                .publish(ClusterRecords.of(dns.names(), 60, new JdbcClusterLayouts(a.dataSource()).current()).inZone());
    }

    @AfterAll
    static void stopCluster() {
        for (Node node : new Node[] {a, b}) {
            if (node != null && node.database != null) {
                node.kill();
            }
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    @Order(0)
    void aNodeJoinedWhileItsEngineRunsTakesPhonesAndCallsWithoutARestart() throws Exception {
        Node c = new Node("failover-c", "127.0.0.4");
        c.startDatabase();
        insertNode(c);
        c.joinCluster(Optional.empty());
        c.startEngine();
        ReplicationLogin replication = new ReplicationLogin("tandem", ReplicationLogin.LOOPBACK_NETWORK);
        DatabaseMembershipChanges fromA = new DatabaseMembershipChanges(LOGIN, replication, a.name, Optional.of(a.address()),
                ClusterJoin.COPY_TIMEOUT);
        try {
            assertThat(fromA.join(c.address().toString()).run(step -> { }).peers()).containsExactly(a.name, b.name);

            try (TestPhone callee = TestPhone.to("UDP", c.host, c.sipPort, "102", DOMAIN)
                    .password(ExtensionRow.defaultPassword("102", DOMAIN));
                 TestPhone caller = TestPhone.to("UDP", a.host, a.sipPort, "101", DOMAIN)
                         .password(ExtensionRow.defaultPassword("101", DOMAIN))) {
                assertThat(TestPhone.statusOf(callee.registerWithAuth(callee.register())))
                        .as("C knows the copied account").isEqualTo(200);
                assertThat(TestPhone.statusOf(caller.registerWithAuth(caller.register()))).isEqualTo(200);
                Eventually.until(() -> a.strings("select node_id::text from registration where extension_number = '102'")
                        .contains(c.id.toString()), CONVERGED, () -> "C's binding never reached A");
                assertThat(connect(caller, callee)).as("A hands the call to C, which rings its phone")
                        .hasValueSatisfying(invite -> assertThat(headers(invite, "Via")).singleElement(STRING)
                                .contains(c.host + ":" + c.sipPort));
            }
            Eventually.until(() -> a.strings("select id from call_record").size() == 1
                    && b.strings("select id from call_record").size() == 1, CONVERGED, () -> "the call was not recorded once");
        } finally {
            c.engine.stop();
            fromA.removal(c.name).run(step -> { });
            c.database.close();
        }
    }

    @Test
    @Order(1)
    void phonesFollowSrvToTheSecondaryAndTheReturningPrimaryCatchesUp() throws Exception {
        // both phones register where SRV says first: A
        try (TestPhone callee = followSrv("102"); TestPhone caller = followSrv("101")) {
            assertThat(callee.engineAddress()).isEqualTo(a.host);
            assertThat(callConnects(caller, callee)).isTrue();
        }

        long killedAt = System.nanoTime();
        a.kill();

        try (TestPhone callee = followSrv("102"); TestPhone caller = followSrv("101")) {
            assertThat(callee.engineAddress()).isEqualTo(b.host);
            assertThat(caller.engineAddress()).isEqualTo(b.host);
            assertThat(callConnects(caller, callee)).isTrue();
            System.out.printf("failover: first call connected on the secondary %.1f s after the primary died%n",
                    (System.nanoTime() - killedAt) / 1e9);
        }

        // B is the tenant's home while A is down: it takes a configuration change
        try (Connection connection = b.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            new HomeNodeGuard(b.id, b.name, LOGIN).requireHomeHere(connection, tenantId);
            ExtensionRow.extension(tenantId, DOMAIN, "103").insertInto(connection);
            connection.commit();
        }
        // call records are written behind: B's own reaches its database within moments; A's record of
        // the first call reaches B once A is back, if it had not before A died
        Eventually.until(() -> !b.strings("select id::text from call_record where node_id = ?", b.id).isEmpty(),
                CONVERGED, () -> "B never wrote its call record");

        // A returns: same data folder, same membership; it catches up with everything B took
        a.startDatabase();
        a.joinCluster(Optional.empty());
        a.startEngine();
        String records = "select id::text from call_record order by id";
        // two calls here, after the one through C
        Eventually.until(() -> a.strings(records).size() == 3 && a.strings(records).equals(b.strings(records)),
                CONVERGED, () -> "A holds call records " + a.strings(records) + ", B " + b.strings(records));
        Eventually.until(() -> a.strings("select number from extension where tenant_id = ? and number = '103'",
                tenantId).size() == 1, CONVERGED, () -> "A never got B's new extension");
        assertThat(a.strings("select count(*) - count(distinct id) from call_record")).containsExactly("0");
        assertThat(a.strings("select count(*) from extension where tenant_id = ?", tenantId)).containsExactly("3");
    }

    @Test
    @Order(2)
    void aNodeWhoseDatabaseDiedStillRingsItsPhonesForTheCallsAnotherNodeHandsIt() throws Exception {
        a.engine.stop();
        a.startEngine(); // started again: it has taken no hand-over yet when its database dies
        try (TestPhone callee = followSrv("102")) {
            assertThat(callee.engineAddress()).isEqualTo(a.host);
            a.database.close();
            Thread.sleep(2_000); // A probes its database every second
            try (TestPhone caller = TestPhone.to("UDP", b.host, b.sipPort, "101", DOMAIN)
                    .password(ExtensionRow.defaultPassword("101", DOMAIN))) {
                assertThat(TestPhone.statusOf(caller.registerWithAuth(caller.register()))).isEqualTo(200);
                assertThat(callConnects(caller, callee))
                        .as("B hands the call to A, which rings 102 from its bindings in memory").isTrue();
            }
        } finally {
            a.startDatabase();
            a.joinCluster(Optional.empty());
            a.engine.stop();
            a.startEngine(); // on the database started again
        }
    }

    @Test
    @Order(3)
    void aNodeWhoseDatabaseDiedSendsItsPhonesToTheSecondaryWith503() throws Exception {
        try (TestPhone phone = followSrv("102")) {
            assertThat(phone.engineAddress()).isEqualTo(a.host);
        }
        a.database.close();
        Thread.sleep(2_000); // A probes its database every second
        try {
            List<String> tried = new ArrayList<>();
            try (TestPhone callee = followSrv("102", tried); TestPhone caller = followSrv("101")) {
                assertThat(tried).containsExactly(a.host + ": 503", b.host + ": 200");
                assertThat(caller.engineAddress()).isEqualTo(b.host);
                assertThat(callConnects(caller, callee)).isTrue();
            }
            try (TestPhone stayed = TestPhone.to("UDP", a.host, a.sipPort, "101", DOMAIN)) {
                assertThat(statusLineOfCall(stayed, "101", "sip:102@" + DOMAIN))
                        .as("a call reaching the node without its database").startsWith("SIP/2.0 503 ");
            }
        } finally {
            a.startDatabase();
            a.joinCluster(Optional.empty());
        }
    }

    private static TestPhone followSrv(String number) throws Exception {
        return followSrv(number, new ArrayList<>());
    }

    /** A phone that registers extension {@code number} where SRV sends it: each target in order, until one answers 200. */
    private static TestPhone followSrv(String number, List<String> tried) throws Exception {
        List<SipTarget> targets = new SrvResolver(dns.address(), Duration.ofSeconds(2))
                .resolve(new SipDomain(DOMAIN), SipTransport.UDP);
        assertThat(targets).extracting(SipTarget::priority).containsExactly(10, 20);
        for (SipTarget target : targets) {
            TestPhone phone = TestPhone.to("UDP", target.addresses().getFirst().getHostAddress(), target.port(), number,
                    DOMAIN).answerWithin(NO_ANSWER).password(ExtensionRow.defaultPassword(number, DOMAIN));
            String host = target.addresses().getFirst().getHostAddress();
            try {
                int status = TestPhone.statusOf(phone.registerWithAuth(phone.register()));
                tried.add(host + ": " + status);
                if (status == 200) {
                    return phone.answerWithin(Duration.ofSeconds(3));
                }
            } catch (AssertionError noAnswer) {
                tried.add(host + ": no answer"); // this registrar is down: the next target
            }
            phone.close();
        }
        throw new AssertionError("no SRV target of " + DOMAIN + " registered " + number + ": " + targets);
    }

    /** {@code caller} calls {@code callee} through its registrar: answered, ACKed and hung up. */
    private static boolean callConnects(TestPhone caller, TestPhone callee) throws Exception {
        return connect(caller, callee).isPresent();
    }

    /** As {@link #callConnects}; the INVITE the callee got, if the call connected. */
    private static Optional<String> connect(TestPhone caller, TestPhone callee) throws Exception {
        String uri = "sip:102@" + DOMAIN;
        String callId = UUID.randomUUID() + "@failover";
        String from = "<sip:101@" + DOMAIN + ">;tag=f1";
        sendAuthenticatedInvite(caller, "101", uri, callId, "f1");
        String rung = next(callee);
        callee.send(response(rung, "200 OK", "c1", callee, sdp("callee", "sendrecv")));
        String ok = finalAnswer(caller);
        if (TestPhone.statusOf(ok) != 200) {
            return Optional.empty();
        }
        caller.send(inDialog(caller, "ACK", uri, callId, from, one(ok, "To"), 2, null));
        next(callee);
        caller.send(inDialog(caller, "BYE", uri, callId, from, one(ok, "To"), 3, null));
        callee.send(response(next(callee), "200 OK", null, callee, null));
        return TestPhone.statusOf(next(caller)) == 200 ? Optional.of(rung) : Optional.empty();
    }

    private static void insertNode(Node node) {
        NodeRow.node(node.name, node.host).id(node.id).sipPort(node.sipPort).insertInto(node.dataSource());
    }

    /** Operator, reseller, the pool (A primary, B secondary) and the tenant with its extensions, written on A. */
    private static UUID seedTenant(Node home, String... numbers) throws SQLException {
        try (Connection connection = home.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            UUID reseller = OwnerRows.insertInto(connection).reseller();
            UUID pool = PoolRow.pool("failover-pool", a.id).secondary(b.id).insertInto(connection);
            new HomeNodeGuard(home.id, home.name, LOGIN).requireHomeOfPool(connection, pool, DOMAIN);
            UUID tenant = TenantRow.tenant(DOMAIN, reseller, pool).company("Acme").insertInto(connection);
            for (String number : numbers) {
                ExtensionRow.extension(tenant, DOMAIN, number).insertInto(connection);
            }
            connection.commit();
            return tenant;
        }
    }
}
