package org.tandem.cluster.replication;

import org.tandem.domain.node.NetworkAddress;
import org.tandem.storage.TestDatabase;
import org.tandem.storage.connection.DatabaseLogin;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.connection.ReplicationLogin;
import org.tandem.storage.lifecycle.ThisNode;
import org.tandem.testsupport.database.Sql;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.time.Pause;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One node of a test cluster as far as its data goes: its own embedded PostgreSQL 18 on its own
 * loopback address, started the way a node starts (migrations, its node row, then
 * {@link ClusterMembership#onStart}). Public for the cluster tests of the modules above storage.
 */
public final class TestNode implements AutoCloseable {

    static final DatabaseLogin LOGIN = new DatabaseLogin("tandem", "tandem");
    static final ReplicationLogin REPLICATION = new ReplicationLogin("tandem", ReplicationLogin.LOOPBACK_NETWORK);
    static final Duration CONVERGENCE = Duration.ofSeconds(30);
    /** Where a node's SIP engine listens when the test runs none. */
    private static final int SIP_PORT = 5060;

    public final String name;
    final String host;
    private final int port;
    private final int sipPort;
    private final Path folder;
    private TestDatabase database;
    private UUID id;

    private TestNode(Path parent, String name, String host, int sipPort) {
        this.name = name;
        this.host = host;
        this.sipPort = sipPort;
        this.port = FreePorts.udpAndTcp();
        this.folder = parent.resolve(name);
    }

    /** Starts a lone node (not in a cluster). */
    public static TestNode start(Path parent, String name, String host) throws SQLException {
        return start(parent, name, host, SIP_PORT);
    }

    /** Same, for a node whose SIP engine listens on {@code sipPort} (its {@code node} row says so). */
    public static TestNode start(Path parent, String name, String host, int sipPort) throws SQLException {
        TestNode node = new TestNode(parent, name, host, sipPort);
        node.boot(Optional.empty());
        return node;
    }

    /** Starts a new node that joins the cluster through {@code seed}'s database. */
    public static TestNode startJoining(Path parent, String name, String host, TestNode seed) throws SQLException {
        return startJoining(parent, name, host, SIP_PORT, seed);
    }

    /** Same, for a node whose SIP engine listens on {@code sipPort}. */
    public static TestNode startJoining(Path parent, String name, String host, int sipPort, TestNode seed)
            throws SQLException {
        TestNode node = new TestNode(parent, name, host, sipPort);
        node.boot(Optional.of(seed.address()));
        return node;
    }

    private void boot(Optional<NodeDatabase> joinSeed) throws SQLException {
        database = TestDatabase.startOn(folder, host, port);
        id = database.fetch(entityManager ->
                new ThisNode(name, new NetworkAddress(host, sipPort), host).registerIn(entityManager)).id();
        try (Connection local = dataSource().getConnection()) {
            new ClusterMembership(LOGIN, REPLICATION).onStart(local, self(), joinSeed);
        }
    }

    ClusterJoin.JoiningNode self() {
        return new ClusterJoin.JoiningNode(id, name, address());
    }

    /** The home-node guard this node's services use. */
    public HomeNodeGuard guard() {
        return new HomeNodeGuard(id, name, LOGIN);
    }

    public NodeDatabase address() {
        return new NodeDatabase(host, port, "tandem");
    }

    public UUID id() {
        return id;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public TestDatabase database() {
        return database;
    }

    public void stop() {
        database.close();
        database = null;
    }

    /** Starts the node again (stopping it first if it runs), as a node restarts: its membership is kept. */
    public void restart() throws SQLException {
        close();
        boot(Optional.empty());
    }

    public boolean running() {
        return database != null;
    }

    /** The strings the first column of {@code query} gives on this node. */
    public List<String> strings(String query) {
        return database.strings(query);
    }

    public long count(String query) {
        return Long.parseLong(strings(query).getFirst());
    }

    public void execute(String command) {
        Sql.execute(dataSource(), command);
    }

    /** Waits (bounded) until {@code query} gives {@code expected} here: replication is asynchronous. */
    public <T> T await(Supplier<T> query, T expected) {
        return awaitMatching(query, expected::equals);
    }

    /** Waits (bounded) until what {@code query} gives satisfies {@code condition}; returns the last answer. */
    public static <T> T awaitMatching(Supplier<T> query, Predicate<T> condition) {
        Instant deadline = Instant.now().plus(CONVERGENCE);
        T actual = query.get();
        while (!condition.test(actual) && Instant.now().isBefore(deadline)) {
            Pause.of(Duration.ofMillis(50));
            actual = query.get();
        }
        return actual;
    }

    @Override
    public void close() {
        if (running()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return name + "@" + address();
    }
}
