package org.tandem.portal.tenant;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.ownextension.OwnExtension;
import org.tandem.administration.ownextension.OwnExtensionService;
import org.tandem.administration.registration.RegisteredPhone;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.LiveList;
import org.tandem.portal.shared.TenantSuspension;

import java.util.List;
import java.util.Optional;

/**
 * A tenant user's own phone: their extension's phones registered now (pushed as they change, like
 * the admin's page) and its calls of the last 30 days. The extension comes from the login, not the
 * address, so there is no id to edit; every other page of the tenant is the admin's.
 */
@Route(value = "my-phone", layout = MainLayout.class)
@PageTitle("My phone | Tandem")
@RolesAllowed("TENANT_USER")
public class OwnExtensionView extends VerticalLayout {

    private final OwnExtensionService service;
    private final TenantSuspension suspension;
    private final Actor actor;
    private final H2 title = new H2();
    private final Paragraph unlinked = new Paragraph("Your login is not linked to an extension. "
            + "Ask your company's administrator to link it to yours.");
    private final Paragraph phoneCount = new Paragraph();
    private final RegisteredPhoneGrid phones = new RegisteredPhoneGrid("own-phones");
    private final Paragraph callSummary = new Paragraph();
    private final CallEntryGrid calls = new CallEntryGrid("own-calls");
    private AutoCloseable watching;

    @Inject
    public OwnExtensionView(OwnExtensionService service, TenantSuspension suspension, CurrentUser currentUser) {
        this.service = service;
        this.suspension = suspension;
        this.actor = currentUser.actor();
        title.setId("own-extension");
        unlinked.setId("not-linked");
        phoneCount.setId("own-phone-count");
        callSummary.setId("own-calls-summary");
        add(title, unlinked, new H3("Phones registered now"), phoneCount, phones,
                new H3("Calls of the last " + OwnExtensionService.RECENT_DAYS + " days"), callSummary, calls);
        show(read());
    }

    /** The own extension, and the company's name while it is suspended. */
    private record Snapshot(Optional<OwnExtension> own, Optional<String> suspendedCompany) {
    }

    private Snapshot read() {
        return new Snapshot(service.ownExtension(actor), suspension.suspendedCompany(actor.tenantId()));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        watching = LiveList.follow(event.getUI(), onChange -> service.watch(actor, onChange),
                this::read, this::show);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        LiveList.stop(watching, "the own extension");
    }

    private void show(Snapshot snapshot) {
        Optional<OwnExtension> own = snapshot.own();
        unlinked.setVisible(own.isEmpty());
        title.setText(own.map(extension -> "My phone: " + extension.number() + " " + extension.displayName())
                .orElse("My phone"));
        List<RegisteredPhone> registered = own.map(OwnExtension::phones).orElse(List.of());
        phoneCount.setText(snapshot.suspendedCompany()
                .map(company -> "No phones registered: " + company + " is suspended, so its phones are refused")
                .orElse(registered.size() == 1 ? "1 phone registered" : registered.size() + " phones registered"));
        phones.setItems(registered);
        int count = own.map(extension -> extension.calls().size()).orElse(0);
        callSummary.setText((count == 1 ? "1 call" : count + " calls")
                + (own.isPresent() && own.get().more() ? " (the newest " + OwnExtensionService.SHOWN + ")" : ""));
        calls.setItems(own.map(OwnExtension::calls).orElse(List.of()));
    }
}
