package org.tandem.api.customer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.tandem.administration.customer.Customer;
import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.customer.CustomerSummary;
import org.tandem.api.security.CallingActor;

import java.util.List;
import java.util.UUID;

/** Onboard, list and search, read, suspend and resume customers, as the portal's customer pages do. */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    @Inject
    CustomerService customers;

    @Inject
    CallingActor caller;

    @GET
    public List<CustomerSummary> search(@QueryParam("search") String text) {
        return customers.search(caller.get(), text);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response onboard(OnboardingRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        Customer customer = customers.onboard(caller.get(), request.onboarding());
        return Response.created(uri.getAbsolutePathBuilder().path(customer.summary().id().toString()).build())
                .entity(customer).build();
    }

    @GET
    @Path("{tenantId}")
    public Customer customer(@PathParam("tenantId") UUID tenantId) {
        return customers.customer(caller.get(), tenantId);
    }

    @POST
    @Path("{tenantId}/suspend")
    public CustomerSummary suspend(@PathParam("tenantId") UUID tenantId) {
        return customers.suspend(caller.get(), tenantId);
    }

    @POST
    @Path("{tenantId}/resume")
    public CustomerSummary resume(@PathParam("tenantId") UUID tenantId) {
        return customers.resume(caller.get(), tenantId);
    }
}
