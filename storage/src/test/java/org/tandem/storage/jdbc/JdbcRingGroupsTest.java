package org.tandem.storage.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.ringgroup.RingGroup;
import org.tandem.domain.ringgroup.RingStrategy;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.tenant.PlanLimitReachedException;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.TestDatabase;
import org.tandem.storage.jpa.JpaExtensionRepository;
import org.tandem.testsupport.database.ExtensionRow;
import org.tandem.testsupport.database.Sql;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ring groups against a real PostgreSQL: lookup by tenant, and one number meaning one thing per tenant. */
class JdbcRingGroupsTest {

    @TempDir
    static Path folder;
    static TestDatabase database;
    static JdbcRingGroups groups;
    static Tenant alpha;
    static Tenant beta;

    @BeforeAll
    static void start() {
        database = TestDatabase.startIn(folder);
        List<Tenant> tenants = database.seedTenants(new SipDomain("alpha.example.com"), new SipDomain("beta.example.com"));
        alpha = tenants.getFirst();
        beta = tenants.getLast();
        database.inTransaction(entityManager -> {
            for (String number : List.of("101", "102", "103")) {
                entityManager.persist(new Extension(alpha, new ExtensionNumber(number), "Alpha " + number, "pw".toCharArray()));
            }
            entityManager.persist(new Extension(beta, new ExtensionNumber("101"), "Beta 101", "pw".toCharArray()));
        });
        groups = new JdbcRingGroups(database.dataSource());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void findsAGroupOfItsTenantWithItsMembersInRingOrder() {
        RingGroup sales = group(alpha, "600", RingStrategy.SEQUENTIAL, "103", "101", "102");
        groups.add(sales, Instant.now());

        RingGroup found = groups.find(alpha.id(), "600").orElseThrow();

        assertThat(found).isEqualTo(sales);
        assertThat(found.members()).extracting(ExtensionNumber::digits).containsExactly("103", "101", "102");
        assertThat(groups.find(beta.id(), "600")).as("another tenant's number").isEmpty();
        assertThat(groups.find(alpha.id(), "601")).isEmpty();
        assertThat(groups.find(alpha.id(), "600' or '1'='1")).isEmpty();
    }

    @Test
    void aGroupWithoutMembersIsFoundEmpty() {
        groups.add(group(alpha, "610", RingStrategy.SIMULTANEOUS), Instant.now());

        assertThat(groups.find(alpha.id(), "610").orElseThrow().members()).isEmpty();
    }

    @Test
    void aGroupCannotTakeTheNumberOfAnExtensionOrAnotherGroup() {
        assertThatThrownBy(() -> groups.add(group(alpha, "101", RingStrategy.SIMULTANEOUS, "102"), Instant.now()))
                .isInstanceOf(AlreadyTakenException.class)
                .hasMessage("This number is already used by an extension of this company");
        groups.add(group(alpha, "620", RingStrategy.SIMULTANEOUS, "102"), Instant.now());
        assertThatThrownBy(() -> groups.add(group(alpha, "620", RingStrategy.SEQUENTIAL, "101"), Instant.now()))
                .isInstanceOf(AlreadyTakenException.class)
                .hasMessage("This ring group number is already taken in this company");
        groups.add(group(beta, "620", RingStrategy.SIMULTANEOUS, "101"), Instant.now());
        assertThat(groups.find(beta.id(), "620")).isPresent();
    }

    @Test
    void aMemberMustBeAnExtensionOfTheGroupsTenant() {
        assertThatThrownBy(() -> groups.add(group(beta, "630", RingStrategy.SIMULTANEOUS, "102"), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("102");
        assertThat(groups.find(beta.id(), "630")).as("nothing half written").isEmpty();
    }

    @Test
    void theDatabaseKeepsANumberOneThingWhateverCodeWritesBothWays() throws SQLException {
        assertThatThrownBy(() -> execute("insert into ring_group (id, tenant_id, number, name, strategy, created_at) "
                + "values (gen_random_uuid(), '" + alpha.id() + "', '102', 'Clash', 'SIMULTANEOUS', now())"))
                .hasMessageContaining("ring_group_number_is_extension");
        groups.add(group(alpha, "640", RingStrategy.SIMULTANEOUS, "101"), Instant.now());
        assertThatThrownBy(() -> execute("update extension set number = '640' where tenant_id = '" + alpha.id()
                + "' and number = '103'"))
                .hasMessageContaining("extension_number_is_ring_group");
        assertThatThrownBy(() -> database.inTransaction(entityManager -> new JpaExtensionRepository(entityManager)
                .add(new Extension(alpha, new ExtensionNumber("640"), "Clash", "pw".toCharArray()))))
                .isInstanceOf(AlreadyTakenException.class)
                .hasMessage("This number is already used by a ring group of this company");
        ExtensionRow.extension(beta.id(), "beta.example.com", "640").insertInto(database.dataSource());
    }

    @Test
    void theDatabaseRefusesAMemberTimeoutOutsideFiveToOneHundredTwentySecondsAndUnknownStrategies() {
        String insert = "insert into ring_group (id, tenant_id, number, name, strategy, member_timeout_seconds, created_at) "
                + "values (gen_random_uuid(), '" + alpha.id() + "', '650', 'G', '%s', %d, now())";
        assertThatThrownBy(() -> execute(insert.formatted("SEQUENTIAL", 4))).hasMessageContaining("ring_group_member_timeout_range");
        assertThatThrownBy(() -> execute(insert.formatted("SEQUENTIAL", 121))).hasMessageContaining("ring_group_member_timeout_range");
        assertThatThrownBy(() -> execute(insert.formatted("RANDOM", 20))).hasMessageContaining("ring_group_strategy_known");
        assertThatThrownBy(() -> new RingGroup(java.util.UUID.randomUUID(), alpha.id(), new ExtensionNumber("650"), "G",
                RingStrategy.SEQUENTIAL, Duration.ofSeconds(4), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangeWaitingOnTheNumberLockWhileThePlanIsLoweredIsRefusedUnderTheNewPlan() throws Exception {
        RingGroup small = group(alpha, "660", RingStrategy.SIMULTANEOUS, "101");
        groups.add(small, Instant.now());
        RingGroup bigger = new RingGroup(small.id(), alpha.id(), small.number(), small.name(), small.strategy(),
                small.memberTimeout(), List.of(new ExtensionNumber("101"), new ExtensionNumber("102"), new ExtensionNumber("103")));
        ExecutorService changer = Executors.newSingleThreadExecutor();
        try (Connection planChange = database.dataSource().getConnection()) {
            planChange.setAutoCommit(false);
            TenantNumberLock.take(planChange, alpha.id());
            Future<Boolean> replaced = changer.submit(() -> groups.replace(bigger));
            Sql.awaitAdvisoryLockWaiter(database.dataSource(), "the change");
            // what a plan change does under the lock: every group has at most one member now, so two per group is allowed
            try (Statement statement = planChange.createStatement()) {
                statement.executeUpdate("update tenant set max_ring_group_members = 2 where id = '" + alpha.id() + "'");
            }
            planChange.commit();

            assertThatThrownBy(() -> replaced.get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(PlanLimitReachedException.class)
                    .hasMessage("The plan allows 2 members per ring group: choose 1 fewer, or ask your reseller for a larger plan");
            assertThat(groups.find(alpha.id(), "660").orElseThrow().members()).containsExactly(new ExtensionNumber("101"));
            assertThatThrownBy(() -> groups.add(group(alpha, "661", RingStrategy.SIMULTANEOUS, "101", "102", "103"),
                    Instant.now())).isInstanceOf(PlanLimitReachedException.class);
            assertThat(groups.find(alpha.id(), "661")).isEmpty();
        } finally {
            changer.shutdownNow();
            execute("update tenant set max_ring_group_members = 20 where id = '" + alpha.id() + "'");
        }
    }

    private static RingGroup group(Tenant tenant, String number, RingStrategy strategy, String... members) {
        return RingGroup.create(tenant.id(), new ExtensionNumber(number), "Group " + number, strategy,
                Duration.ofSeconds(5), List.of(members).stream().map(ExtensionNumber::new).toList());
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
