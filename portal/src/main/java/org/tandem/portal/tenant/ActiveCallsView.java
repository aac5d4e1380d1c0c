package org.tandem.portal.tenant;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.calls.ActiveCallService;
import org.tandem.administration.calls.LiveCall;
import org.tandem.domain.call.ActiveCall;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The calls a tenant has up now, on every node, kept current without polling: each node's engine
 * publishes its calls to the database, which notifies this node of every change, and the server
 * pushes the new list to the browser over the UI's WebSocket.
 */
@Route(value = TenantRoute.PATH + "active-calls", layout = MainLayout.class)
@PageTitle("Active calls | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN", "TENANT_ADMIN"})
public class ActiveCallsView extends LiveTenantList<List<LiveCall>> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private final ActiveCallService calls;
    private final Paragraph count = new Paragraph();
    private final Grid<LiveCall> grid = new Grid<>(LiveCall.class, false);

    @Inject
    public ActiveCallsView(ActiveCallService calls, CurrentUser currentUser) {
        super(currentUser.actor());
        this.calls = calls;

        count.setId("active-call-count");
        grid.setId("active-calls");
        grid.addColumn(call -> party(call.caller(), call.callerName())).setHeader("From").setAutoWidth(true);
        grid.addColumn(call -> party(call.callee(), call.calleeName())).setHeader("To").setAutoWidth(true);
        grid.addColumn(call -> call.state() == ActiveCall.State.RINGING ? "Ringing" : "Talking")
                .setHeader("State").setAutoWidth(true);
        grid.addColumn(call -> TIME.format(call.startedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(call -> time(call.answeredAt())).setHeader("Answered").setAutoWidth(true);
        grid.addColumn(LiveCall::node).setHeader("Node").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2("Active calls"), new Paragraph("Updated as calls ring, are answered and end, on every node."),
                count, grid);
    }

    @Override
    protected List<LiveCall> read(UUID tenant) {
        return calls.activeCalls(actor, tenant);
    }

    @Override
    protected AutoCloseable watch(UUID tenant, Runnable onChange) {
        return calls.watch(actor, tenant, onChange);
    }

    @Override
    protected void show(List<LiveCall> current) {
        count.setText(current.size() == 1 ? "1 call" : current.size() + " calls");
        grid.setItems(current);
    }

    private static String party(String number, String name) {
        return name.isEmpty() ? number : number + " (" + name + ")";
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
