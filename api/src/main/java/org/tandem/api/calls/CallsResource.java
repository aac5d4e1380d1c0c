package org.tandem.api.calls;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.tandem.administration.calls.CallFilter;
import org.tandem.administration.calls.CallHistoryService;
import org.tandem.administration.calls.CallReport;
import org.tandem.api.security.Caller;

import java.util.UUID;

/**
 * A tenant's call history ({@link CallHistoryService}): the calls of a range of days, optionally of one
 * number (as caller or callee) and one outcome, as JSON (at most {@link CallHistoryService#SHOWN}) or as
 * a CSV export (at most {@link CallHistoryService#EXPORTED}). Another tenant's id is 404.
 */
@Path("v1/tenants/{tenantId}/calls")
@RequestScoped
public class CallsResource {

    public static final String TEXT_CSV = "text/csv";

    @Inject
    private CallHistoryService calls;
    @Inject
    private Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CallHistory history(@PathParam("tenantId") UUID tenantId, @BeanParam CallQuery query) {
        CallFilter filter = query.filter();
        CallReport report = calls.report(caller.actor(), tenantId, filter);
        return new CallHistory(tenantId, filter.from(), filter.to(), report.calls().stream().map(Call::of).toList(),
                report.truncated(), report.perDay().stream().map(day -> new CallsPerDay(day.day(), day.calls())).toList());
    }

    /** The same filter's calls as RFC 4180 CSV, oldest first, one header line, UTC times. */
    @GET
    @Path("export")
    @Produces(TEXT_CSV + ";charset=UTF-8")
    public Response export(@PathParam("tenantId") UUID tenantId, @BeanParam CallQuery query) {
        CallFilter filter = query.filter();
        String csv = calls.csv(caller.actor(), tenantId, filter);
        return Response.ok(csv).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"calls-" + filter.from() + "-" + filter.to() + ".csv\"").build();
    }
}
