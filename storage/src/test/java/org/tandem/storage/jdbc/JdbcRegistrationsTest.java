package org.tandem.storage.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.BindingChange;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.TestDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcRegistrationsTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final AtomicInteger NUMBERS = new AtomicInteger(200);

    @TempDir
    static Path folder;
    static TestDatabase database;
    static JdbcRegistrations registrations;
    static Node nodeA;
    static Node nodeB;
    static Tenant alpha;
    static Tenant beta;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    static void start() {
        database = TestDatabase.startIn(folder);
        nodeA = new Node("node-a", new NetworkAddress("127.0.0.2", 5060), "127.0.0.2");
        nodeB = new Node("node-b", new NetworkAddress("127.0.0.3", 5060), "127.0.0.3");
        database.inTransaction(entityManager -> {
            Reseller reseller = TestDatabase.persistReseller(entityManager);
            entityManager.persist(nodeA);
            entityManager.persist(nodeB);
            Pool pool = new Pool("pool-ab", nodeA, nodeB);
            entityManager.persist(pool);
            alpha = new Tenant(reseller.id(), pool.id(), "Alpha", new SipDomain("alpha.example.com"), new PlanLimits(500, 5, 2));
            beta = new Tenant(reseller.id(), pool.id(), "Beta", new SipDomain("beta.example.com"), new PlanLimits(500, 5, 2));
            entityManager.persist(alpha);
            entityManager.persist(beta);
        });
        registrations = new JdbcRegistrations(database.dataSource());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** A fresh extension number, in both tenants, so tests do not see each other's bindings. */
    private static ExtensionNumber newNumber() {
        ExtensionNumber number = new ExtensionNumber(Integer.toString(NUMBERS.incrementAndGet()));
        database.inTransaction(entityManager -> {
            entityManager.persist(new Extension(alpha, number, "Alpha " + number, "pw".toCharArray()));
            entityManager.persist(new Extension(beta, number, "Beta " + number, "pw".toCharArray()));
        });
        return number;
    }

    private Registration binding(Node node, AddressOfRecord aor, String contact, long cseq, Duration lifetime) {
        return Registration.taken(node.id(), aor, contact, null, new Flow("udp", "192.0.2.7", 5062),
                "call-1@phone", cseq, "Phone/1.0", now, lifetime);
    }

    @Test
    void aSavedBindingComesBackAsStoredAndARefreshKeepsOneRow() {
        AddressOfRecord aor = new AddressOfRecord(alpha.id(), newNumber());
        Registration first = Registration.taken(nodeA.id(), aor, "sip:p@192.0.2.7:5062;transport=udp",
                "<urn:uuid:00000000-0000-1000-8000-000a95a0e128>", new Flow("tcp", "2001:db8::7", 40000),
                "call-1@phone", 1, "Phone/1.0", now, HOUR);
        registrations.save(first);

        assertThat(registrations.active(nodeA.id(), aor, now)).containsExactly(first);

        Registration refreshed = new Registration(UUID.randomUUID(), nodeA.id(), aor, first.contactUri(), null,
                first.flow(), "call-1@phone", 2, null, now.plusSeconds(10), now.plusSeconds(70));
        registrations.save(refreshed);

        assertThat(registrations.active(nodeA.id(), aor, now.plusSeconds(10))).singleElement().satisfies(row -> {
            assertThat(row.id()).as("the row keeps its identity").isEqualTo(first.id());
            assertThat(row.cseq()).isEqualTo(2);
            assertThat(row.expiresAt()).isEqualTo(now.plusSeconds(70));
            assertThat(row.instance()).isEmpty();
            assertThat(row.userAgent()).isNull();
        });
    }

    @Test
    void eachNodeHasItsOwnRowForTheSamePhoneAndTouchesOnlyIts() {
        AddressOfRecord aor = new AddressOfRecord(alpha.id(), newNumber());
        registrations.save(binding(nodeA, aor, "sip:p@192.0.2.7", 1, HOUR));
        registrations.save(binding(nodeB, aor, "sip:p@192.0.2.7", 1, HOUR));
        registrations.save(binding(nodeA, aor, "sip:q@192.0.2.8", 1, HOUR));

        assertThat(registrations.active(nodeA.id(), aor, now)).hasSize(2);
        assertThat(registrations.active(nodeB.id(), aor, now)).hasSize(1);

        registrations.remove(nodeA.id(), aor, "sip:q@192.0.2.8");
        assertThat(registrations.active(nodeA.id(), aor, now)).extracting(Registration::contactUri)
                .containsExactly("sip:p@192.0.2.7");

        assertThat(registrations.removeAll(nodeA.id(), aor)).isEqualTo(1);
        assertThat(registrations.active(nodeA.id(), aor, now)).isEmpty();
        assertThat(registrations.active(nodeB.id(), aor, now)).as("node B's row is not node A's to delete").hasSize(1);
    }

    @Test
    void theSameNumberInTwoTenantsNeverMixes() {
        ExtensionNumber number = newNumber();
        AddressOfRecord ofAlpha = new AddressOfRecord(alpha.id(), number);
        AddressOfRecord ofBeta = new AddressOfRecord(beta.id(), number);
        registrations.save(binding(nodeA, ofAlpha, "sip:alpha-phone@192.0.2.7", 1, HOUR));

        assertThat(registrations.active(nodeA.id(), ofBeta, now)).isEmpty();
        assertThat(registrations.removeAll(nodeA.id(), ofBeta)).isZero();
        assertThat(registrations.active(nodeA.id(), ofAlpha, now)).hasSize(1);
    }

    @Test
    void expiredBindingsAreNotActiveAndTheCleanupDeletesOnlyThisNodesInBoundedBatches() {
        AddressOfRecord aor = new AddressOfRecord(beta.id(), newNumber());
        for (int i = 0; i < 5; i++) {
            registrations.save(binding(nodeA, aor, "sip:old" + i + "@192.0.2.7", 1, Duration.ofSeconds(60)));
        }
        registrations.save(binding(nodeB, aor, "sip:old@192.0.2.9", 1, Duration.ofSeconds(60)));
        registrations.save(binding(nodeA, aor, "sip:live@192.0.2.7", 1, HOUR));
        Instant later = now.plusSeconds(61);

        assertThat(registrations.active(nodeA.id(), aor, later)).extracting(Registration::contactUri)
                .containsExactly("sip:live@192.0.2.7");
        long activeBefore = registrations.countActive(nodeA.id(), later);

        assertThat(registrations.deleteExpired(nodeA.id(), later, 3)).isEqualTo(3);
        assertThat(registrations.deleteExpired(nodeA.id(), later, 3)).isEqualTo(2);
        assertThat(registrations.deleteExpired(nodeA.id(), later, 3)).isZero();
        assertThat(registrations.countActive(nodeA.id(), later)).isEqualTo(activeBefore);
        assertThat(registrations.deleteExpired(nodeB.id(), later, 10)).as("node B's expired row was left to node B")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aListOfChangesIsOneTransactionAndTheLastChangeOfABindingWins() {
        AddressOfRecord aor = new AddressOfRecord(alpha.id(), newNumber());
        AddressOfRecord other = new AddressOfRecord(beta.id(), newNumber());
        registrations.save(binding(nodeA, aor, "sip:gone@192.0.2.7", 1, HOUR));
        Registration kept = binding(nodeA, aor, "sip:kept@192.0.2.7", 2, HOUR);
        Registration refreshed = binding(nodeA, aor, "sip:kept@192.0.2.7", 3, HOUR);

        registrations.apply(List.of(
                new BindingChange.Saved(kept),
                new BindingChange.Removed(nodeA.id(), aor, "sip:gone@192.0.2.7"),
                new BindingChange.Saved(binding(nodeA, other, "sip:brief@192.0.2.8", 1, HOUR)),
                new BindingChange.Saved(refreshed),
                new BindingChange.Removed(nodeA.id(), other, "sip:brief@192.0.2.8"),
                new BindingChange.Saved(binding(nodeA, other, "sip:new@192.0.2.8", 1, HOUR))));

        assertThat(registrations.active(nodeA.id(), aor, now)).singleElement()
                .satisfies(row -> assertThat(row.cseq()).as("the later save of the same contact").isEqualTo(3));
        assertThat(registrations.active(nodeA.id(), other, now)).extracting(Registration::contactUri)
                .containsExactly("sip:new@192.0.2.8");
    }

    @Test
    void aListThatFailsChangesNothing() {
        AddressOfRecord aor = new AddressOfRecord(alpha.id(), newNumber());
        Registration tooLongContact = binding(nodeA, aor, "sip:" + "x".repeat(1100) + "@192.0.2.7", 1, HOUR);

        assertThatThrownBy(() -> registrations.apply(List.of(
                new BindingChange.Saved(binding(nodeA, aor, "sip:fine@192.0.2.7", 1, HOUR)),
                new BindingChange.Saved(tooLongContact))))
                .isInstanceOf(StorageException.class);
        assertThat(registrations.active(nodeA.id(), aor, now)).isEmpty();
    }

    @Test
    void aNodeLoadsAllItsActiveBindingsAndNoneOfAnotherNodes() {
        AddressOfRecord aor = new AddressOfRecord(alpha.id(), newNumber());
        Registration live = binding(nodeB, aor, "sip:live@192.0.2.7", 1, HOUR);
        registrations.save(live);
        registrations.save(binding(nodeB, aor, "sip:expired@192.0.2.7", 1, Duration.ofSeconds(60)));
        registrations.save(binding(nodeA, aor, "sip:node-a@192.0.2.7", 1, HOUR));

        assertThat(registrations.allActive(nodeB.id(), now.plusSeconds(61)))
                .filteredOn(binding -> binding.aor().equals(aor)).containsExactly(live);
    }

    @Test
    void aTenantsBindingsOnEveryNodeAreListedAndCountedBesideOtherTenants() {
        AddressOfRecord ofGamma = new AddressOfRecord(tenantWithExtension("gamma.example.com", "301").id(),
                new ExtensionNumber("301"));
        AddressOfRecord ofDelta = new AddressOfRecord(tenantWithExtension("delta.example.com", "301").id(),
                new ExtensionNumber("301"));
        UUID withoutPhones = tenantWithExtension("epsilon.example.com", "301").id();
        Registration onA = binding(nodeA, ofGamma, "sip:a@192.0.2.7", 1, HOUR);
        Registration onB = binding(nodeB, ofGamma, "sip:b@192.0.2.7", 1, HOUR);
        registrations.save(onA);
        registrations.save(onB);
        registrations.save(binding(nodeA, ofGamma, "sip:expired@192.0.2.7", 1, Duration.ofSeconds(60)));
        registrations.save(binding(nodeB, ofDelta, "sip:d@192.0.2.7", 1, HOUR));
        JdbcTenantRegistrations ofTenants = new JdbcTenantRegistrations(database.dataSource());
        Instant later = now.plusSeconds(61);

        assertThat(ofTenants.activeOf(ofGamma.tenantId(), later)).containsExactlyInAnyOrder(onA, onB);
        assertThat(ofTenants.countsOf(List.of(ofGamma.tenantId(), ofDelta.tenantId(), withoutPhones), later))
                .containsExactlyInAnyOrderEntriesOf(Map.of(ofGamma.tenantId(), 2L, ofDelta.tenantId(), 1L));
        assertThat(ofTenants.countsOf(List.of(), later)).isEmpty();
    }

    private static Tenant tenantWithExtension(String domain, String number) {
        Tenant tenant = new Tenant(alpha.resellerId(), alpha.poolId(), domain, new SipDomain(domain),
                new PlanLimits(500, 5, 2));
        database.inTransaction(entityManager -> {
            entityManager.persist(tenant);
            entityManager.persist(new Extension(tenant, new ExtensionNumber(number), "Phone", "pw".toCharArray()));
        });
        return tenant;
    }
}
