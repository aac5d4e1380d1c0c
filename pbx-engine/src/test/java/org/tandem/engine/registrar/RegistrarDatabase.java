package org.tandem.engine.registrar;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.tandem.domain.extension.SipCredentials;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.schema.SchemaMigration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real PostgreSQL 18 with the node's schema, seeded with plain SQL: one node, and three tenants
 * whose extensions have the same numbers: {@link #ALPHA} and {@link #BETA} active, {@link #GAMMA}
 * suspended. Each test takes fresh extensions ({@link #newExtension}) so tests never see each other's
 * bindings. SIP passwords follow one rule, see {@link #password}.
 */
public final class RegistrarDatabase implements AutoCloseable {

    /** The name of the node the database knows; engines started on it run as this node. */
    public static final String NODE_NAME = "registrar-test";
    public static final String ALPHA = "alpha.tandem.test";
    public static final String BETA = "beta.tandem.test";
    public static final String GAMMA = "gamma.tandem.test";
    /** An active tenant whose plan allows one call at a time and two new calls a second. */
    public static final String SMALL_PLAN = "small.tandem.test";
    /** A tenant that left its digest choice at the default (MD5 only). */
    public static final String DEFAULT_DIGEST = "plain.tandem.test";
    /** A tenant that chose SHA-256 alone. */
    public static final String SHA_256_ONLY = "strong.tandem.test";

    private final Path folder;
    private final int port;
    private EmbeddedDatabase database;
    private final UUID nodeId;
    private final UUID poolId;
    private final UUID resellerId;
    private final AtomicInteger numbers;
    private final Runnable beforeReading;

    private RegistrarDatabase(Path folder, EmbeddedDatabase database) {
        this.folder = folder;
        this.database = database;
        this.port = database.port();
        this.nodeId = UUID.randomUUID();
        this.poolId = UUID.randomUUID();
        this.resellerId = UUID.randomUUID();
        this.numbers = new AtomicInteger(1000);
        this.beforeReading = () -> {
        };
    }

    private RegistrarDatabase(RegistrarDatabase shared, Runnable beforeReading) {
        this.folder = shared.folder;
        this.database = shared.database;
        this.port = shared.port;
        this.nodeId = shared.nodeId;
        this.poolId = shared.poolId;
        this.resellerId = shared.resellerId;
        this.numbers = shared.numbers;
        this.beforeReading = beforeReading;
    }

    /**
     * The same database, read only once {@code settle} has run: an engine writes bindings and call
     * records behind its answers, so a test reads what the engine wrote after the engine wrote it.
     */
    public RegistrarDatabase readingAfter(Runnable settle) {
        return new RegistrarDatabase(this, settle);
    }

    /**
     * One database for the whole test run (starting one takes seconds): JUnit closes it when the
     * run ends. Tests stay apart by taking their own extensions.
     */
    public static RegistrarDatabase shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RegistrarDatabase.class))
                .getOrComputeIfAbsent("database", key -> start(NODE_NAME), RegistrarDatabase.class);
    }

    public static RegistrarDatabase start(String nodeName) {
        try {
            Path folder = Files.createTempDirectory("tandem-registrar-db");
            RegistrarDatabase db = new RegistrarDatabase(folder,
                    EmbeddedDatabase.start(folder, "127.0.0.1", freePort(), "tandem", "tandem", "tandem"));
            SchemaMigration.migrate(db.dataSource());
            db.seed(nodeName);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seed(String nodeName) {
        UUID operatorId = UUID.randomUUID();
        execute("insert into operator (id, name, created_at) values (?, 'Operator', now())", operatorId);
        execute("insert into reseller (id, operator_id, name, created_at) values (?, ?, 'Reseller', now())",
                resellerId, operatorId);
        execute("insert into node (id, name, sip_host, sip_port, cluster_host, created_at) "
                + "values (?, ?, '127.0.0.1', 5060, '127.0.0.1', now())", nodeId, nodeName);
        execute("insert into pool (id, name, primary_node_id, created_at) values (?, 'pool', ?, now())", poolId, nodeId);
        // plans big enough that no test other than the plan's own ever meets them
        addTenant(ALPHA, "ACTIVE", 1000, 1000);
        addTenant(BETA, "ACTIVE", 1000, 1000);
        addTenant(GAMMA, "SUSPENDED", 1000, 1000);
        addTenant(SMALL_PLAN, "ACTIVE", 1, 2);
        addTenant(DEFAULT_DIGEST, "ACTIVE", 1000, 1000);
        addTenant(SHA_256_ONLY, "ACTIVE", 1000, 1000);
        // the others offer both, MD5 first, so that every test can answer either
        execute("update tenant set sip_digest = 'MD5,SHA-256' where sip_domain not in (?, ?)", DEFAULT_DIGEST, SHA_256_ONLY);
        execute("update tenant set sip_digest = 'SHA-256' where sip_domain = ?", SHA_256_ONLY);
    }

    private void addTenant(String domain, String status, int concurrentCalls, int callsPerSecond) {
        execute("insert into tenant (id, reseller_id, pool_id, company_name, sip_domain, max_extensions, "
                        + "max_concurrent_calls, max_calls_per_second, status, created_at) "
                        + "values (?, ?, ?, ?, ?, 1000, ?, ?, ?, now())",
                UUID.randomUUID(), resellerId, poolId, "Company " + domain, domain, concurrentCalls, callsPerSecond,
                status);
    }

    /** The SIP password of {@code number} in {@code domain}: different in every tenant. */
    public static String password(String number, String domain) {
        return domain.substring(0, domain.indexOf('.')) + "-" + number + "-secret";
    }

    /** A number no test used yet, created in every tenant with {@link #password}. */
    public String newExtension() {
        return newExtension(5);
    }

    /** Same, with a contact limit. */
    public String newExtension(int maxContacts) {
        String number = Integer.toString(numbers.incrementAndGet());
        for (String domain : List.of(ALPHA, BETA, GAMMA, SMALL_PLAN, DEFAULT_DIGEST, SHA_256_ONLY)) {
            SipCredentials credentials = SipCredentials.derive(number, domain, password(number, domain).toCharArray());
            execute("insert into extension (id, tenant_id, number, display_name, ha1_md5, ha1_sha256, max_contacts, created_at) "
                            + "select ?, id, ?, ?, ?, ?, ?, now() from tenant where sip_domain = ?",
                    UUID.randomUUID(), number, "Phone " + number, credentials.ha1Md5(), credentials.ha1Sha256(),
                    maxContacts, domain);
        }
        return number;
    }

    public UUID nodeId() {
        return nodeId;
    }

    public UUID tenantId(String domain) {
        return UUID.fromString(strings("select id::text from tenant where sip_domain = ?", domain).getFirst());
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /**
     * Stops the server, as a crash or a restart of the database would (connections fail with
     * SQLSTATE 08xxx); {@link #startServer()} brings it back with its data on the same port.
     * Only for a database of a test's own ({@link #start}), not the shared one.
     */
    public void stopServer() {
        database.close();
    }

    public void startServer() {
        database = EmbeddedDatabase.start(folder, "127.0.0.1", port, "tandem", "tandem", "tandem");
    }

    /** The JDBC URL of the database, as a node's settings ({@code tandem.db.url}) name it. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/tandem";
    }

    /** Contact URIs of the stored bindings (expired or not) of {@code number} in {@code domain}. */
    public List<String> storedContacts(String number, String domain) {
        return strings("select r.contact_uri from registration r join tenant t on t.id = r.tenant_id "
                + "where t.sip_domain = ? and r.extension_number = ? order by r.contact_uri", domain, number);
    }

    /** One column of the stored binding of {@code number} in {@code domain} at {@code contact}. */
    public String storedColumn(String column, String number, String domain, String contact) {
        return strings("select r." + column + "::text from registration r join tenant t on t.id = r.tenant_id "
                + "where t.sip_domain = ? and r.extension_number = ? and r.contact_uri = ?", domain, number, contact)
                .getFirst();
    }

    public void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Records of calls to {@code dialled} in {@code domain} written by this node, as "DISPOSITION cause answered|unanswered". */
    public List<String> callRecords(String dialled, String domain) {
        return strings("select r.disposition || ' ' || r.sip_cause || ' ' "
                + "|| case when r.answered_at is null then 'unanswered' else 'answered' end "
                + "from call_record r join tenant t on t.id = r.tenant_id "
                + "where t.sip_domain = ? and r.callee = ? and r.node_id = ?", domain, dialled, nodeId());
    }

    /** The one record of {@code caller}'s call to {@code dialled} in {@code domain}, once written (CDRs are written after the call). */
    public String awaitCallRecord(String caller, String dialled, String domain) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<String> rows = callRecords(dialled, domain);
        while (rows.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            rows = callRecords(dialled, domain);
        }
        assertThat(rows).as("call records of calls to " + dialled).hasSize(1);
        assertThat(strings("select r.caller from call_record r join tenant t on t.id = r.tenant_id "
                + "where t.sip_domain = ? and r.callee = ?", domain, dialled)).containsExactly(caller);
        return rows.getFirst();
    }

    public List<String> strings(String sql, Object... parameters) {
        beforeReading.run();
        try (Connection connection = dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        database.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
