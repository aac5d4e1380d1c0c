package org.tandem.administration.extension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tandem.administration.access.Actor;
import org.tandem.administration.customer.PlanChange;
import org.tandem.administration.shared.OverPlanException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.administration.support.NodeServices;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan's extension and ring-group limits with many requests at once, each on a request thread of its own (its own
 * transaction and connection), all let go together: the plan holds exactly, and each refusal says why.
 */
@Timeout(120)
class ConcurrentPlanLimitTest {

    private static final int REQUESTS = 20;

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void twentyParallelCreatesOnAPlanOfFiveMakeExactlyFive() throws Exception {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Parallel Co", 5);
        Actor admin = fixture.actor(customer.admin());

        List<String> outcomes = all(request -> services -> createdOrRefused(() ->
                services.extensions.create(admin, customer.id(), String.valueOf(200 + request), "Person " + request)));

        assertThat(fixture.extensions.extensions(admin, customer.id()).extensions()).hasSize(5);
        assertOutcomes(outcomes, "created", 5,
                "The plan allows 5 extensions and 5 exist: delete some, or ask your reseller for a larger plan");
    }

    @Test
    void twentyParallelCsvImportsOnAPlanOfFiveMakeExactlyTwoImportsOfTwo() throws Exception {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Parallel Import Co", 5);
        Actor admin = fixture.actor(customer.admin());

        List<String> outcomes = all(request -> services -> {
            ImportResult result = services.extensions.importCsv(admin, customer.id(),
                    (300 + 2 * request) + ",First " + request + "\n" + (301 + 2 * request) + ",Second " + request + "\n");
            return result.succeeded() ? "created " + result.created().size()
                    : String.join("; ", result.problems().stream().map(ImportProblem::message).toList());
        });

        assertThat(fixture.extensions.extensions(admin, customer.id()).extensions()).hasSize(4);
        assertOutcomes(outcomes, "created 2", 2,
                "The plan allows 5 extensions and 4 exist, so 2 more do not fit: delete some, or ask your reseller for a larger plan");
    }

    @Test
    void twentyParallelRingGroupCreatesOnAPlanOfTwoMakeExactlyTwo() throws Exception {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Parallel Groups Co", 5);
        Actor admin = fixture.actor(customer.admin());
        fixture.extensions.create(admin, customer.id(), "201", "Ann");
        fixture.customers.changePlan(fixture.actor(AdministrationFixture.NORTHWIND_ADMIN), customer.id(),
                new PlanChange(5, 5, 5, 2, 5));

        List<String> outcomes = all(request -> services -> createdOrRefused(() ->
                services.ringGroups.create(admin, customer.id(), String.valueOf(600 + request), "Group " + request,
                        null, 20, List.of("201"))));

        assertThat(fixture.ringGroups.ringGroups(admin, customer.id())).hasSize(2);
        assertOutcomes(outcomes, "created", 2,
                "The plan allows 2 ring groups and 2 exist: delete one, or ask your reseller for a larger plan");
    }

    /** "created" once {@code create} ran, or the plan's refusal of it. */
    private static String createdOrRefused(Runnable create) {
        try {
            create.run();
            return "created";
        } catch (OverPlanException refused) {
            return refused.getMessage();
        }
    }

    /** Exactly {@code succeeded} of the outcomes are {@code success}; every other one is {@code refusal}. */
    private static void assertOutcomes(List<String> outcomes, String success, int succeeded, String refusal) {
        assertThat(outcomes).filteredOn(success::equals).hasSize(succeeded);
        assertThat(outcomes).filteredOn(outcome -> !outcome.equals(success)).hasSize(REQUESTS - succeeded)
                .containsOnly(refusal);
    }

    /** What each of {@link #REQUESTS} requests gives, each on its own request thread, started together. */
    private List<String> all(IntFunction<Request> requests) throws Exception {
        List<NodeServices> threads = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            threads.add(fixture.anotherRequestThread());
        }
        CyclicBarrier start = new CyclicBarrier(REQUESTS);
        ExecutorService executor = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Request request = requests.apply(i);
                NodeServices services = threads.get(i);
                Callable<String> call = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return request.on(services);
                };
                results.add(executor.submit(call));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            executor.shutdownNow();
        }
    }

    private interface Request {
        String on(NodeServices services);
    }
}
