package org.tandem.administration.ringgroup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.customer.PlanChange;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.shared.OverPlanException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.ringgroup.RingStrategy;
import org.tandem.storage.jdbc.JdbcRingGroups;
import org.tandem.storage.jdbc.TenantNumberLock;
import org.tandem.testsupport.database.Sql;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tandem.administration.support.AdministrationFixture.GLOBEX_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.SOUTHGATE_ADMIN;

/** A customer of its own per test, with extensions 201, 202 and 203. */
class RingGroupsTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private Actor reseller;
    private UUID tenant;

    @BeforeEach
    void customerWithExtensions() {
        reseller = fixture.actor(NORTHWIND_ADMIN);
        tenant = fixture.newCustomer("Groups Co", 10).id();
        fixture.extensions.importCsv(reseller, tenant, "201,Ann\n202,Ben\n203,Cat\n");
    }

    @Test
    void aGroupIsCreatedListedRoutedByTheEngineAndDeleted() {
        RingGroupSummary created = fixture.ringGroups.create(reseller, tenant, "600", "Sales", RingStrategy.SEQUENTIAL, 15,
                List.of("203", "201"));

        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).singleElement().isEqualTo(created);
        assertThat(created.members()).containsExactly("203", "201");
        assertThat(new JdbcRingGroups(fixture.database().dataSource()).find(tenant, "600").orElseThrow().members())
                .extracting(member -> member.digits()).containsExactly("203", "201");

        fixture.ringGroups.delete(reseller, tenant, created.id());
        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).isEmpty();
        assertThatThrownBy(() -> fixture.ringGroups.delete(reseller, tenant, created.id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such ring group");
    }

    @Test
    void aGroupIsChangedButKeepsItsNumberAndTheEngineRingsTheNewMembers() {
        RingGroupSummary created = fixture.ringGroups.create(reseller, tenant, "600", "Sales", RingStrategy.SEQUENTIAL, 15,
                List.of("203", "201"));

        RingGroupSummary changed = fixture.ringGroups.update(reseller, tenant, created.id(), "Support", null, 30,
                List.of("202"));

        assertThat(changed).isEqualTo(new RingGroupSummary(created.id(), "600", "Support", RingStrategy.SIMULTANEOUS, 30,
                List.of("202")));
        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).containsExactly(changed);
        assertThat(new JdbcRingGroups(fixture.database().dataSource()).find(tenant, "600").orElseThrow().members())
                .extracting(member -> member.digits()).containsExactly("202");
        assertThatThrownBy(() -> fixture.ringGroups.update(reseller, tenant, created.id(), "", null, 200, List.of("299")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(RingGroupService.NAME, "Ring group name is required")
                        .containsEntry(RingGroupService.TIMEOUT, "Ring time per member must be 5 to 120 seconds")
                        .containsEntry(RingGroupService.MEMBERS, "Member 299 is not an extension of this company"));
        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).containsExactly(changed);
        assertThatThrownBy(() -> fixture.ringGroups.update(reseller, tenant, UUID.randomUUID(), "X", null, 20, List.of("201")))
                .isInstanceOf(NotFoundException.class).hasMessage("No such ring group");
        assertThatThrownBy(() -> fixture.ringGroups.update(fixture.actor(SOUTHGATE_ADMIN), tenant, created.id(), "X", null,
                20, List.of("201"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.ringGroups.update(fixture.actor(GLOBEX_ADMIN), fixture.globex(), created.id(), "X",
                null, 20, List.of("101"))).isInstanceOf(NotFoundException.class).hasMessage("No such ring group");
        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).containsExactly(changed);
    }

    @Test
    void aDeletedExtensionLeavesItsGroupsAndALastMemberLeavesItsGroupEmpty() {
        RingGroupSummary sales = fixture.ringGroups.create(reseller, tenant, "600", "Sales", RingStrategy.SEQUENTIAL, 15,
                List.of("203", "201", "202"));
        RingGroupSummary desk = fixture.ringGroups.create(reseller, tenant, "601", "Desk", null, 20, List.of("201"));

        fixture.extensions.delete(reseller, tenant, extension("201"));

        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).extracting(RingGroupSummary::number,
                RingGroupSummary::members).containsExactly(tuple("600", List.of("203", "202")), tuple("601", List.of()));
        assertThat(new JdbcRingGroups(fixture.database().dataSource()).find(tenant, "600").orElseThrow().members())
                .extracting(member -> member.digits()).containsExactly("203", "202");
        fixture.extensions.create(reseller, tenant, "201", "New Ann");
        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).extracting(RingGroupSummary::id,
                RingGroupSummary::members).as("a new extension of the old number joins no group by itself")
                .containsExactly(tuple(sales.id(), List.of("203", "202")), tuple(desk.id(), List.of()));
    }

    /** A plan change holds the tenant's number lock while it checks the groups; an update waiting on it meets the new plan. */
    @Test
    void anUpdateThatWaitedForAPlanChangeIsRefusedUnderTheLoweredPlan() throws Exception {
        RingGroupSummary sales = fixture.ringGroups.create(reseller, tenant, "600", "Sales", null, 20, List.of("201"));
        ExecutorService request = Executors.newSingleThreadExecutor();
        try (Connection planChange = fixture.database().dataSource().getConnection()) {
            planChange.setAutoCommit(false);
            TenantNumberLock.take(planChange, tenant);
            Future<RingGroupSummary> update = request.submit(() -> fixture.ringGroups.update(reseller, tenant, sales.id(),
                    "Sales", null, 20, List.of("201", "202", "203")));
            Sql.awaitAdvisoryLockWaiter(fixture.database().dataSource(), "the update");
            try (Statement statement = planChange.createStatement()) {
                statement.executeUpdate("update tenant set max_ring_group_members = 2 where id = '" + tenant + "'");
            }
            planChange.commit();

            assertThatThrownBy(() -> update.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages()).containsEntry(
                            RingGroupService.MEMBERS,
                            "The plan allows 2 members per ring group: choose 1 fewer, or ask your reseller for a larger plan"));
        } finally {
            request.shutdownNow();
        }
        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).singleElement()
                .extracting(RingGroupSummary::members).isEqualTo(List.of("201"));
    }

    private UUID extension(String number) {
        return fixture.extensions.extensions(reseller, tenant).extensions().stream()
                .filter(extension -> extension.number().equals(number)).findFirst().orElseThrow().id();
    }

    @Test
    void groupsAndMembersPastThePlanAreRefusedInPlainWords() {
        fixture.customers.changePlan(reseller, tenant, new PlanChange(10, 5, 5, 2, 2));
        fixture.ringGroups.create(reseller, tenant, "600", "Sales", null, 20, List.of("201", "202"));
        RingGroupSummary desk = fixture.ringGroups.create(reseller, tenant, "601", "Desk", null, 20, List.of("203"));

        assertThatThrownBy(() -> fixture.ringGroups.create(reseller, tenant, "602", "Third", null, 20, List.of("201")))
                .isInstanceOf(OverPlanException.class)
                .hasMessage("The plan allows 2 ring groups and 2 exist: delete one, or ask your reseller for a larger plan");
        assertThatThrownBy(() -> fixture.ringGroups.update(reseller, tenant, desk.id(), "Desk", null, 20,
                List.of("201", "202", "203")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages()).containsEntry(
                        RingGroupService.MEMBERS,
                        "The plan allows 2 members per ring group: choose 1 fewer, or ask your reseller for a larger plan"));
        List<String> hostile = java.util.stream.IntStream.range(0, 100_000).mapToObj(i -> "x" + i).toList();
        assertThatThrownBy(() -> fixture.ringGroups.update(reseller, tenant, desk.id(), "Desk", null, 20, hostile))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages().get(RingGroupService.MEMBERS))
                        .startsWith("The plan allows 2 members per ring group: choose 99998 fewer"));

        fixture.ringGroups.delete(reseller, tenant, desk.id());
        assertThat(fixture.ringGroups.create(reseller, tenant, "602", "Third", null, 20, List.of("201")).number())
                .as("a group deleted makes room").isEqualTo("602");
        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).extracting(RingGroupSummary::number)
                .containsExactly("600", "602");
    }

    @Test
    void everyBadFieldIsAMessageAndNothingIsCreated() {
        assertThatThrownBy(() -> fixture.ringGroups.create(reseller, tenant, "201", " ", RingStrategy.SIMULTANEOUS, 3,
                List.of("202", "299")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(RingGroupService.NUMBER, "Number 201 is already an extension")
                        .containsEntry(RingGroupService.NAME, "Ring group name is required")
                        .containsEntry(RingGroupService.TIMEOUT, "Ring time per member must be 5 to 120 seconds")
                        .containsEntry(RingGroupService.MEMBERS, "Member 299 is not an extension of this company"));
        fixture.ringGroups.create(reseller, tenant, "600", "Sales", null, 20, List.of("201"));
        assertThatThrownBy(() -> fixture.ringGroups.create(reseller, tenant, "600", "Again", null, 20, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(RingGroupService.NUMBER, "Ring group 600 already exists")
                        .containsEntry(RingGroupService.MEMBERS, "Choose at least one member"));
        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).hasSize(1);
    }

    @Test
    void anotherResellerReachesNoneOfThem() {
        RingGroupSummary created = fixture.ringGroups.create(reseller, tenant, "600", "Sales", null, 20, List.of("201"));
        Actor other = fixture.actor(SOUTHGATE_ADMIN);

        assertThatThrownBy(() -> fixture.ringGroups.ringGroups(other, tenant)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.ringGroups.delete(other, tenant, created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.ringGroups.delete(other, fixture.globex(), created.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixture.ringGroups.ringGroups(reseller, tenant)).hasSize(1);
    }
}
