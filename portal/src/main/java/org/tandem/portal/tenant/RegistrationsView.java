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
import org.tandem.portal.shared.TenantSuspension;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The phones a tenant has registered now, on every node, kept current without polling: the database
 * notifies this node of every change to the tenant's bindings, and the server pushes the new list to
 * the browser over the UI's WebSocket ({@code @Push} on the shell).
 */
@Route(value = TenantRoute.PATH + "registrations", layout = MainLayout.class)
@PageTitle("Registered phones | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN", "TENANT_ADMIN"})
public class RegistrationsView extends LiveTenantList<RegistrationsView.Phones> {

    private final RegistrationService registrations;
    private final TenantSuspension suspension;
    private final Paragraph count = new Paragraph();
    private final RegisteredPhoneGrid grid = new RegisteredPhoneGrid("registrations");

    @Inject
    public RegistrationsView(RegistrationService registrations, TenantSuspension suspension, CurrentUser currentUser) {
        super(currentUser.actor());
        this.registrations = registrations;
        this.suspension = suspension;

        count.setId("registration-count");
        add(new H2("Registered phones"), new Paragraph("Updated as phones register and unregister, on every node."),
                count, grid);
    }

    /** The phones registered now (none while the tenant is suspended), and then its company name. */
    record Phones(List<RegisteredPhone> registered, Optional<String> suspendedCompany) {
    }

    @Override
    protected Phones read(UUID tenant) {
        List<RegisteredPhone> registered = registrations.registrations(actor, tenant); // checks the actor's access first
        return new Phones(registered, suspension.suspendedCompany(tenant));
    }

    @Override
    protected AutoCloseable watch(UUID tenant, Runnable onChange) {
        return registrations.watch(actor, tenant, onChange);
    }

    @Override
    protected void show(Phones phones) {
        int registered = phones.registered().size();
        count.setText(phones.suspendedCompany()
                .map(company -> "No phones registered: " + company + " is suspended, so its phones are refused until "
                        + "it is resumed")
                .orElse(registered == 1 ? "1 phone registered" : registered + " phones registered"));
        grid.setItems(phones.registered());
    }
}
