package org.tandem.portal.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import jakarta.inject.Inject;
import org.tandem.domain.account.Role;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.security.SignedInUser;

/**
 * The frame of every signed-in page. The menu lists what the user's role may open: customers for the
 * operator and resellers, the own tenant's extensions, phones and calls for a tenant admin, the own
 * phone for a tenant user, and the own password for everyone.
 */
public class MainLayout extends AppLayout {

    @Inject
    public MainLayout(CurrentUser currentUser) {
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
        addToNavbar(bar);

        currentUser.get().ifPresent(user -> {
            who.setText(user.username());
            addToDrawer(menu(user));
        });
    }

    private static SideNav menu(SignedInUser user) {
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
            case TENANT_ADMIN -> user.tenantId().ifPresent(tenant -> {
                menu.addItem(new SideNavItem("Extensions", "tenants/" + tenant + "/extensions"));
                menu.addItem(new SideNavItem("Ring groups", "tenants/" + tenant + "/ring-groups"));
                menu.addItem(new SideNavItem("Registered phones", "tenants/" + tenant + "/registrations"));
                menu.addItem(new SideNavItem("Active calls", "tenants/" + tenant + "/active-calls"));
                menu.addItem(new SideNavItem("Call history", "tenants/" + tenant + "/calls"));
            });
            case TENANT_USER -> menu.addItem(new SideNavItem("My phone", "my-phone"));
        }
        if (user.role() == Role.RESELLER_ADMIN || user.role() == Role.TENANT_ADMIN) {
            menu.addItem(new SideNavItem("API tokens", "api-tokens"));
        }
        menu.addItem(new SideNavItem("Change password", "account/password"));
        return menu;
    }
}
