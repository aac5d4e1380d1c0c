package org.tandem.portal.tenant;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.registration.RegisteredPhone;
import org.tandem.administration.registration.RegistrationService;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.RouteIds;

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
public class RegistrationsView extends LiveTenantList<RegisteredPhone> {

    private final RegistrationService registrations;
    private final Paragraph count = new Paragraph();
    private final RegisteredPhoneGrid grid = new RegisteredPhoneGrid("registrations");

    @Inject
    public RegistrationsView(RegistrationService registrations, CurrentUser currentUser) {
        super(currentUser.actor());
        this.registrations = registrations;

        count.setId("registration-count");
        add(new H2("Registered phones"), new Paragraph("Updated as phones register and unregister, on every node."),
                count, grid);
    }

    @Override
    protected List<RegisteredPhone> read(UUID tenant) {
        return registrations.registrations(actor, tenant);
    }

    @Override
    protected AutoCloseable watch(UUID tenant, Runnable onChange) {
        return registrations.watch(actor, tenant, onChange);
    }

    @Override
    protected void show(List<RegisteredPhone> phones) {
        count.setText(phones.size() == 1 ? "1 phone registered" : phones.size() + " phones registered");
        grid.setItems(phones);
    }
}
