package org.tandem.portal.tenant;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.registration.RegisteredPhone;
import org.tandem.administration.registration.RegistrationService;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.RouteIds;

import java.lang.System.Logger.Level;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The phones a tenant has registered now, on every node, kept current without polling: the database
 * notifies this node of every change to the tenant's bindings, and the server pushes the new list to
 * the browser over the UI's WebSocket ({@code @Push} on the shell).
 */
@Route(value = "tenants/:" + TenantRoute.TENANT_ID + RouteIds.UUID_PATTERN + "/registrations", layout = MainLayout.class)
@PageTitle("Registered phones | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN", "TENANT_ADMIN"})
public class RegistrationsView extends VerticalLayout implements BeforeEnterObserver {

    private static final System.Logger LOG = System.getLogger(RegistrationsView.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"));

    private final RegistrationService registrations;
    private final Actor actor;
    private final Paragraph count = new Paragraph();
    private final Grid<RegisteredPhone> grid = new Grid<>(RegisteredPhone.class, false);
    private UUID tenantId;
    private AutoCloseable watching;

    @Inject
    public RegistrationsView(RegistrationService registrations, CurrentUser currentUser) {
        this.registrations = registrations;
        this.actor = currentUser.actor();

        count.setId("registration-count");
        grid.setId("registrations");
        grid.addColumn(RegisteredPhone::extension).setHeader("Extension").setAutoWidth(true);
        grid.addColumn(RegisteredPhone::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(RegisteredPhone::contact).setHeader("Contact").setAutoWidth(true);
        grid.addColumn(RegisteredPhone::source).setHeader("From").setAutoWidth(true);
        grid.addColumn(RegisteredPhone::userAgent).setHeader("Phone").setAutoWidth(true);
        grid.addColumn(RegisteredPhone::node).setHeader("Node").setAutoWidth(true);
        grid.addColumn(phone -> TIME.format(phone.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2("Registered phones"), new Paragraph("Updated as phones register and unregister, on every node."),
                count, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenantId = RouteIds.get(event, TenantRoute.TENANT_ID);
        show(registrations.registrations(actor, tenantId));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        // Called on the feed's thread: read there, then hand the list to the UI under its session lock
        // and push it (the shell's push mode is manual; a UI without push, as in tests, skips that).
        watching = registrations.watch(actor, tenantId, () -> {
            List<RegisteredPhone> phones = registrations.registrations(actor, tenantId);
            ui.access(() -> {
                show(phones);
                if (ui.getPushConfiguration().getPushMode().isEnabled()) {
                    ui.push();
                }
            });
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        try {
            watching.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Could not stop watching registrations", e);
        }
    }

    private void show(List<RegisteredPhone> phones) {
        count.setText(phones.size() == 1 ? "1 phone registered" : phones.size() + " phones registered");
        grid.setItems(phones);
    }
}
