package org.tandem.api.customer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.customer.CustomerSummary;
import org.tandem.administration.customer.Onboarding;
import org.tandem.administration.customer.PlanChange;
import org.tandem.api.request.JsonRequest;
import org.tandem.api.security.Caller;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A reseller's customers ({@link CustomerService}); any id not of the caller's reseller is 404. */
@Path("v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CustomersResource {

    private static final String PLAN_MAX_EXTENSIONS = "maxExtensions";
    private static final String PLAN_MAX_CONCURRENT_CALLS = "maxConcurrentCalls";
    private static final String PLAN_MAX_CALLS_PER_SECOND = "maxCallsPerSecond";
    private static final String PLAN_MAX_RING_GROUPS = "maxRingGroups";
    private static final String PLAN_MAX_RING_GROUP_MEMBERS = "maxRingGroupMembers";
    private static final Set<String> PLAN_FIELDS = Set.of(PLAN_MAX_EXTENSIONS, PLAN_MAX_CONCURRENT_CALLS,
            PLAN_MAX_CALLS_PER_SECOND, PLAN_MAX_RING_GROUPS, PLAN_MAX_RING_GROUP_MEMBERS);

    /**
     * A plan's limits as a body gives them: a missing limit is 0, which the plan refuses with its own
     * message, but for the ring-group limits, which stay null (each use case has its own default).
     */
    private record PlanLimits(int maxExtensions, int maxConcurrentCalls, int maxCallsPerSecond, Integer maxRingGroups,
                              Integer maxRingGroupMembers) {

        static PlanLimits read(JsonRequest plan) {
            return new PlanLimits(orZero(plan.whole(PLAN_MAX_EXTENSIONS)), orZero(plan.whole(PLAN_MAX_CONCURRENT_CALLS)),
                    orZero(plan.whole(PLAN_MAX_CALLS_PER_SECOND)), plan.whole(PLAN_MAX_RING_GROUPS),
                    plan.whole(PLAN_MAX_RING_GROUP_MEMBERS));
        }

        private static int orZero(Integer value) {
            return value == null ? 0 : value;
        }
    }

    @Inject
    private CustomerService customers;
    @Inject
    private Caller caller;

    @GET
    public CustomerList search(@QueryParam("search") String search) {
        List<CustomerSummary> found = customers.search(caller.actor(), search);
        return new CustomerList(found.stream().map(Customer::of).toList(), found.size() >= CustomerService.SEARCH_LIMIT);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response onboard(String body, @Context UriInfo uri) {
        JsonRequest request = JsonRequest.parse(body, Set.of(Onboarding.COMPANY, Onboarding.SIP_DOMAIN,
                Onboarding.ADMIN_USERNAME, Onboarding.ADMIN_PASSWORD, Onboarding.PLAN));
        PlanLimits plan = PlanLimits.read(request.object(Onboarding.PLAN, PLAN_FIELDS));
        String password = request.text(Onboarding.ADMIN_PASSWORD);
        Onboarding onboarding = new Onboarding(null, request.text(Onboarding.COMPANY), request.text(Onboarding.SIP_DOMAIN),
                request.text(Onboarding.ADMIN_USERNAME), password == null ? new char[0] : password.toCharArray(),
                plan.maxExtensions(), plan.maxConcurrentCalls(), plan.maxCallsPerSecond(), plan.maxRingGroups(),
                plan.maxRingGroupMembers());
        request.requireValid();
        CustomerDetails created = CustomerDetails.of(customers.onboard(caller.actor(), onboarding));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @Path("{customerId}")
    public CustomerDetails customer(@PathParam("customerId") UUID customerId) {
        return CustomerDetails.of(customers.customer(caller.actor(), customerId));
    }

    @POST
    @Path("{customerId}/suspend")
    public Customer suspend(@PathParam("customerId") UUID customerId) {
        return Customer.of(customers.suspend(caller.actor(), customerId));
    }

    @POST
    @Path("{customerId}/resume")
    public Customer resume(@PathParam("customerId") UUID customerId) {
        return Customer.of(customers.resume(caller.actor(), customerId));
    }

    /**
     * Moves the customer to another plan: every limit given again, but for the ring-group limits, which
     * stay as they are when left out; fewer extensions or ring groups than in use is 422.
     */
    @PUT
    @Path("{customerId}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    public Customer changePlan(@PathParam("customerId") UUID customerId, String body) {
        JsonRequest request = JsonRequest.parse(body, PLAN_FIELDS);
        PlanLimits plan = PlanLimits.read(request);
        PlanChange change = new PlanChange(plan.maxExtensions(), plan.maxConcurrentCalls(), plan.maxCallsPerSecond(),
                plan.maxRingGroups(), plan.maxRingGroupMembers());
        request.requireValid();
        return Customer.of(customers.changePlan(caller.actor(), customerId, change));
    }
}
