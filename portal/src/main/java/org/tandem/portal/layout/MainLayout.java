package org.tandem.portal.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.domain.account.Role;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.security.SignedInUser;
import org.tandem.portal.shared.TenantSuspension;

import java.util.Optional;

/**
 * The frame of every signed-in page. The menu lists what the user's role may open: customers for the
 * operator and resellers, the own tenant's extensions, phones and calls for a tenant admin, the own
 * phone for a tenant user, and the own password and the About page for everyone. Above every page of a suspended
 * tenant's logins, a banner says so.
 */
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final CurrentUser currentUser;
    private final TenantSuspension suspension;
    private final Paragraph suspendedBanner = new Paragraph();

    @Inject
    public MainLayout(CurrentUser currentUser, TenantSuspension suspension) {
        this.currentUser = currentUser;
        this.suspension = suspension;
        H1 title = new H1("Tandem");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span who = new Span();
        who.setId("signed-in-as");
        Button signOut = new Button("Sign out", click -> currentUser.signOut());
        signOut.setId("sign-out");
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, who, signOut);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(who);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        suspendedBanner.setId("suspended-banner");
        suspendedBanner.getStyle().set("margin", "0").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("background", "var(--lumo-error-color)").set("color", "var(--lumo-error-contrast-color)");
        suspendedBanner.setVisible(false);
        Div top = new Div(bar, suspendedBanner);
        top.setWidthFull();
        addToNavbar(top);

        currentUser.get().map(SignedInUser::actor).ifPresent(user -> {
            who.setText(user.username());
            addToDrawer(menu(user));
        });
    }

    /**
     * On every page of a tenant's own logins (admin and users), says whether the company is suspended,
     * read afresh at each navigation: its reseller may have suspended or resumed it meanwhile.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> suspended = currentUser.get().flatMap(user -> user.actor().tenant())
                .flatMap(suspension::suspendedCompany);
        suspended.ifPresent(company -> suspendedBanner.setText(company + " is suspended: its phones are refused (they "
                + "can neither register nor make or take calls) until your provider resumes it."));
        suspendedBanner.setVisible(suspended.isPresent());
    }

    private static SideNav menu(Actor user) {
        SideNav menu = new SideNav();
        menu.addItem(new SideNavItem("Home", "home"));
        switch (user.role()) {
            case OPERATOR, RESELLER_ADMIN -> {
                menu.addItem(new SideNavItem("Customers", "customers"));
                menu.addItem(new SideNavItem("Onboard a customer", "customers/new"));
                if (user.role() == Role.OPERATOR) {
                    menu.addItem(new SideNavItem("Cluster", "cluster"));
                }
            }
            case TENANT_ADMIN -> user.tenant().ifPresent(tenant -> {
                menu.addItem(new SideNavItem("Extensions", "tenants/" + tenant + "/extensions"));
                menu.addItem(new SideNavItem("Ring groups", "tenants/" + tenant + "/ring-groups"));
                menu.addItem(new SideNavItem("Voicemail", "tenants/" + tenant + "/voicemail"));
                menu.addItem(new SideNavItem("Registered phones", "tenants/" + tenant + "/registrations"));
                menu.addItem(new SideNavItem("Active calls", "tenants/" + tenant + "/active-calls"));
                menu.addItem(new SideNavItem("Call history", "tenants/" + tenant + "/calls"));
                menu.addItem(new SideNavItem("Prompt language", "tenants/" + tenant + "/prompt-language"));
            });
            case TENANT_USER -> {
                menu.addItem(new SideNavItem("My phone", "my-phone"));
                menu.addItem(new SideNavItem("My voicemail", "my-voicemail"));
            }
        }
        if (user.role() == Role.RESELLER_ADMIN || user.role() == Role.TENANT_ADMIN) {
            menu.addItem(new SideNavItem("API tokens", "api-tokens"));
        }
        menu.addItem(new SideNavItem("Change password", "account/password"));
        menu.addItem(new SideNavItem("About", "about"));
        return menu;
    }
}
