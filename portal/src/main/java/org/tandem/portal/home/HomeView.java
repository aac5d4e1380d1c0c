package org.tandem.portal.home;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.domain.account.Role;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;

/**
 * The landing view at {@code /home} and at the portal's root: greets the signed-in user by username and role; the menu beside
 * it leads on. Only signed-in users get here: the {@link org.tandem.portal.guard.ViewAccessGuard}
 * and the filter before it send everyone else to the sign-in page before this view is made.
 */
@Route(value = "home", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Tandem")
public class HomeView extends VerticalLayout {

    @Inject
    public HomeView(CurrentUser currentUser) {
        Actor user = currentUser.actor();

        H2 greeting = new H2("Welcome, " + user.username());
        greeting.setId("greeting");
        Paragraph role = new Paragraph("Signed in as " + label(user.role()));
        role.setId("role");
        add(greeting, role);
    }

    static String label(Role role) {
        return switch (role) {
            case OPERATOR -> "operator";
            case RESELLER_ADMIN -> "reseller admin";
            case TENANT_ADMIN -> "tenant admin";
            case TENANT_USER -> "tenant user";
        };
    }
}
