package org.tandem.engine.registrar;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.schema.SchemaMigration;
import org.tandem.testsupport.database.ExtensionRow;
import org.tandem.testsupport.database.NodeRow;
import org.tandem.testsupport.database.OwnerRows;
import org.tandem.testsupport.database.PoolRow;
import org.tandem.testsupport.database.Sql;
import org.tandem.testsupport.database.TenantRow;
import org.tandem.testsupport.ports.FreePorts;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real PostgreSQL 18 with the node's schema, seeded with plain SQL: one node, and three tenants
 * whose extensions have the same numbers: {@link #ALPHA} and {@link #BETA} active, {@link #GAMMA}
 * suspended. Each test takes fresh extensions ({@link #newExtension}) so tests never see each other's
 * bindings. SIP passwords follow one rule, see {@link ExtensionRow#defaultPassword}.
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
    private final AtomicInteger numbers;
    /** The seeded tenants' ids by SIP domain, so that taking an extension does not read through {@link #beforeReading}. */
    private final Map<String, UUID> seededTenants;
    private final Runnable beforeReading;

    private RegistrarDatabase(Path folder, EmbeddedDatabase database) {
        this.folder = folder;
        this.database = database;
        this.port = database.port();
        this.nodeId = UUID.randomUUID();
        this.numbers = new AtomicInteger(1000);
        this.seededTenants = new ConcurrentHashMap<>();
        this.beforeReading = () -> {
        };
    }

    private RegistrarDatabase(RegistrarDatabase shared, Runnable beforeReading) {
        this.folder = shared.folder;
        this.database = shared.database;
        this.port = shared.port;
        this.nodeId = shared.nodeId;
        this.numbers = shared.numbers;
        this.seededTenants = shared.seededTenants;
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
                    EmbeddedDatabase.start(folder, "127.0.0.1", FreePorts.udpAndTcp(), "tandem", "tandem", "tandem"));
            SchemaMigration.migrate(db.dataSource());
            db.seed(nodeName);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seed(String nodeName) {
        UUID reseller = OwnerRows.insertInto(dataSource()).reseller();
        NodeRow.node(nodeName, "127.0.0.1").id(nodeId).insertInto(dataSource());
        UUID pool = PoolRow.pool("pool", nodeId).insertInto(dataSource());
        // all but DEFAULT_DIGEST and SHA_256_ONLY offer both digests, MD5 first, so every test can answer either
        String both = "MD5,SHA-256";
        for (TenantRow tenant : List.of(
                roomy(ALPHA, reseller, pool).sipDigest(both),
                roomy(BETA, reseller, pool).sipDigest(both),
                roomy(GAMMA, reseller, pool).sipDigest(both).suspended(),
                TenantRow.tenant(SMALL_PLAN, reseller, pool).plan(1000, 1, 2).sipDigest(both),
                roomy(DEFAULT_DIGEST, reseller, pool),
                roomy(SHA_256_ONLY, reseller, pool).sipDigest("SHA-256"))) {
            seededTenants.put(tenant.domain(), tenant.insertInto(dataSource()));
        }
    }

    /** A tenant whose plan is big enough that no test other than the plan's own ever meets it. */
    private static TenantRow roomy(String domain, UUID reseller, UUID pool) {
        return TenantRow.tenant(domain, reseller, pool).plan(1000, 1000, 1000);
    }

    /** A number no test used yet, created in every tenant with {@link ExtensionRow#defaultPassword}. */
    public String newExtension() {
        return newExtension(5);
    }

    /** Same, with a contact limit. */
    public String newExtension(int maxContacts) {
        String number = Integer.toString(numbers.incrementAndGet());
        for (String domain : List.of(ALPHA, BETA, GAMMA, SMALL_PLAN, DEFAULT_DIGEST, SHA_256_ONLY)) {
            ExtensionRow.extension(seededTenants.get(domain), domain, number).maxContacts(maxContacts).insertInto(dataSource());
        }
        return number;
    }

    /** A tenant of {@code domain} beside the seeded ones: of their reseller, in their pool. */
    public TenantRow newTenant(String domain) {
        return TenantRow.besides(seededTenants.get(ALPHA), domain);
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
        Sql.execute(dataSource(), sql, parameters);
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
        return Sql.strings(dataSource(), sql, parameters);
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
