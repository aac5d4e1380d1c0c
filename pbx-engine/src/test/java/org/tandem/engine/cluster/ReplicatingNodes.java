package org.tandem.engine.cluster;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tandem.cluster.replication.TestNode;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.VoicemailPin;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.testsupport.database.ExtensionRow;
import org.tandem.testsupport.database.OwnerRows;
import org.tandem.testsupport.database.PoolRow;
import org.tandem.testsupport.database.Row;
import org.tandem.testsupport.database.TenantRow;
import org.tandem.testsupport.ports.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Two nodes as the product runs them: engine A on 127.0.0.2 and engine B on 127.0.0.3, each on its
 * own PostgreSQL that replicates to the other both ways (the cluster module's own set-up, B joining
 * through A). Tenants {@link RegistrarDatabase#ALPHA} and {@link RegistrarDatabase#SMALL_PLAN} live
 * in a pool of A (primary, so their home) and B, and are written on A, as the product writes them.
 */
final class ReplicatingNodes implements BeforeAllCallback, AfterAllCallback {

    private final AtomicInteger numbers = new AtomicInteger(3000);
    // set as they start, so that afterAll stops what a failed start left running
    private Path folder;
    private TestNode databaseA;
    private TestNode databaseB;
    private EngineNode a;
    private EngineNode b;
    private UUID pool;
    private Map<String, UUID> tenants;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, SQLException {
        folder = Files.createTempDirectory("tandem-replicating-nodes");
        int portA = FreePorts.udpAndTcp();
        int portB = FreePorts.udpAndTcp();
        databaseA = TestNode.start(folder, "node-a", "127.0.0.2", portA);
        databaseB = TestNode.startJoining(folder, "node-b", "127.0.0.3", portB, databaseA);
        UUID reseller = OwnerRows.insertInto(databaseA.dataSource()).reseller();
        pool = PoolRow.pool("pool-ab", databaseA.id()).secondary(awaitNodeOnA(databaseB))
                .insertInto(databaseA.dataSource());
        // as RegistrarDatabase's: both digests offered; SMALL_PLAN allows one call at a time
        tenants = Map.of(
                RegistrarDatabase.ALPHA, writeOnHome(TenantRow.tenant(RegistrarDatabase.ALPHA, reseller, pool)
                        .plan(1000, 1000, 1000).sipDigest("MD5,SHA-256")),
                RegistrarDatabase.SMALL_PLAN, writeOnHome(TenantRow.tenant(RegistrarDatabase.SMALL_PLAN, reseller, pool)
                        .plan(1000, 1, 2).sipDigest("MD5,SHA-256")));
        awaitOnB("select count(*) from tenant", tenants.size());
        a = EngineNode.start(databaseA.dataSource(), databaseA.id(), databaseA.name, "127.0.0.2", portA);
        b = EngineNode.start(databaseB.dataSource(), databaseB.id(), databaseB.name, "127.0.0.3", portB);
    }

    EngineNode a() {
        return a;
    }

    EngineNode b() {
        return b;
    }

    UUID tenantId(String domain) {
        return tenants.get(domain);
    }

    /** A number no test used yet, made an extension of {@code domain} on its home node A and replicated to B. */
    String newExtension(String domain) {
        String number = Integer.toString(numbers.incrementAndGet());
        writeOnHome(ExtensionRow.extension(tenants.get(domain), domain, number));
        awaitOnB("select count(*) from extension where number = '" + number + "'", 1);
        return number;
    }

    /** A mailbox for extension {@code number} of {@code domain}, made on its home node A and replicated to B. */
    Mailbox newMailbox(String domain, String number) {
        UUID extension = UUID.fromString(databaseA.strings("select id::text from extension where number = '" + number
                + "' and tenant_id = '" + tenants.get(domain) + "'").getFirst());
        Mailbox mailbox = Mailbox.open(extension, tenants.get(domain), new ExtensionNumber(number),
                VoicemailPin.choose("4826", new ExtensionNumber(number)));
        new JdbcMailboxes(databaseA.dataSource(), databaseA.guard()).add(mailbox);
        awaitOnB("select count(*) from voicemail_box where extension_id = '" + extension + "'", 1);
        return mailbox;
    }

    /** The voicemail messages as {@code node} reads and files them. */
    JdbcVoicemailMessages messagesOn(EngineNode node) {
        TestNode database = node == a ? databaseA : databaseB;
        return new JdbcVoicemailMessages(database.dataSource(), database.id());
    }

    /** What the first column of {@code query} gives on A and on B, once both agree (replication is asynchronous). */
    List<String> onBothNodes(String query) {
        return TestNode.awaitMatching(() -> List.of(databaseA.strings(query), databaseB.strings(query)),
                both -> both.getFirst().equals(both.getLast())).getFirst();
    }

    /** What the first column of {@code query} gives on {@code node}'s own database. */
    List<String> on(EngineNode node, String query) {
        return (node == a ? databaseA : databaseB).strings(query);
    }

    private UUID writeOnHome(Row<?> row) {
        try (Connection connection = databaseA.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            databaseA.guard().requireHomeOfPool(connection, pool, row.toString());
            UUID id = row.insertInto(connection);
            connection.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + row + " on its home node", e);
        }
    }

    private UUID awaitNodeOnA(TestNode node) {
        awaitOn(databaseA, "select count(*) from node where id = '" + node.id() + "'", 1);
        return node.id();
    }

    private void awaitOnB(String countQuery, long expected) {
        awaitOn(databaseB, countQuery, expected);
    }

    private static void awaitOn(TestNode node, String countQuery, long expected) {
        long seen = node.await(() -> node.count(countQuery), expected);
        if (seen != expected) {
            throw new IllegalStateException(node + " has " + seen + " of " + countQuery + ", not " + expected);
        }
    }

    /** Stops both nodes; JUnit runs it also when {@link #beforeAll} failed half-way. */
    @Override
    public void afterAll(ExtensionContext context) {
        for (EngineNode engine : new EngineNode[] {a, b}) {
            if (engine != null) {
                engine.engine().stop();
            }
        }
        for (TestNode database : new TestNode[] {databaseB, databaseA}) {
            if (database != null) {
                database.close();
            }
        }
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
