package org.tandem.cluster.replication;

import jakarta.persistence.EntityManager;
import org.tandem.domain.call.ActiveCall;
import org.tandem.domain.call.ActiveCallChange;
import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallRecord;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.node.Node;
import org.tandem.domain.operator.Operator;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.jdbc.JdbcActiveCalls;
import org.tandem.storage.jdbc.JdbcCallRecords;
import org.tandem.storage.jdbc.JdbcRegistrations;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The rows a cluster test writes, through the same repositories the nodes use. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * A tenant with extensions 101-103 in a new pool of {@code primary} and {@code secondary} (none
     * when null), written on {@code home} (through its home-node guard) with its operator and reseller.
     */
    public static UUID tenant(TestNode home, TestNode primary, TestNode secondary, String domain) {
        UUID pool = home.database().fetch(entityManager ->
                pool(entityManager, primary, secondary, "pool-" + domain.replace('.', '-')));
        return home.database().fetch(entityManager -> {
            home.guard().requireHomeOfPool(entityManager, pool, domain);
            UUID tenant = tenantInPool(entityManager, pool, domain);
            for (String number : List.of("101", "102", "103")) {
                entityManager.persist(new Extension(entityManager.find(Tenant.class, tenant), new ExtensionNumber(number),
                        "Phone " + number, ("secret-" + number).toCharArray()));
            }
            return tenant;
        });
    }

    /** A pool of {@code primary} and {@code secondary} (none when null). */
    public static UUID pool(EntityManager entityManager, TestNode primary, TestNode secondary, String name) {
        Pool pool = new Pool(name, node(entityManager, primary),
                secondary == null ? null : node(entityManager, secondary));
        entityManager.persist(pool);
        return pool.id();
    }

    /** {@code node}'s row here, waited for: a node that joined a moment ago may not have replicated it here yet. */
    private static Node node(EntityManager entityManager, TestNode node) {
        return Objects.requireNonNull(TestNode.awaitMatching(() -> entityManager.find(Node.class, node.id()), Objects::nonNull),
                () -> node + " is not in the node table here");
    }

    /** A tenant of a new reseller (of a new operator) in pool {@code poolId}. */
    public static UUID tenantInPool(EntityManager entityManager, UUID poolId, String domain) {
        Operator operator = new Operator("Operator of " + domain);
        entityManager.persist(operator);
        Reseller reseller = new Reseller(operator.id(), "Reseller");
        entityManager.persist(reseller);
        Tenant tenant = new Tenant(reseller.id(), poolId, "Acme", new SipDomain(domain), new PlanLimits(50, 10, 5));
        entityManager.persist(tenant);
        return tenant.id();
    }

    /** A call record written by {@code node}, as its engine writes one. */
    public static UUID callRecord(TestNode node, UUID tenantId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CallRecord record = new CallRecord(UUID.randomUUID(), tenantId, node.id(), "101", "102", now.minusSeconds(30),
                now.minusSeconds(25), now, CallDisposition.ANSWERED, 200);
        new JdbcCallRecords(node.dataSource()).add(record);
        return record.id();
    }

    /** A call ringing on {@code node}, as its engine publishes one. */
    static void activeCall(TestNode node, UUID tenantId) {
        new JdbcActiveCalls(node.dataSource()).apply(List.of(ActiveCallChange.up(new ActiveCall(UUID.randomUUID(),
                tenantId, node.id(), "101", "102", Instant.now(), null))));
    }

    /** A binding taken by {@code node}, as its registrar stores one (once the tenant made elsewhere has reached it). */
    public static void register(TestNode node, UUID tenantId, String extension) {
        node.await(() -> node.count("select count(*) from tenant where id = '" + tenantId + "'"), 1L);
        new JdbcRegistrations(node.dataSource()).save(Registration.taken(node.id(),
                new AddressOfRecord(tenantId, new ExtensionNumber(extension)), "sip:" + extension + "@192.0.2.10:5060",
                null, new Flow("udp", "192.0.2.10", 5060), "call-" + extension, 1, "test phone",
                Instant.now(), Duration.ofHours(1)));
    }
}
