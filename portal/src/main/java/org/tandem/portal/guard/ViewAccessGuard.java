package org.tandem.portal.guard;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.portal.login.ReturnPath;
import org.tandem.portal.security.CurrentUser;

import java.util.Arrays;

/**
 * The portal's access rules for views, in one place: runs before every navigation of every UI, before
 * the target view is even created. Every view needs a signed-in user: {@link SignInRequired} lets no
 * other browser reach Vaadin, and one signed out meanwhile (from another browser or node) is sent to
 * the sign-in page here; a view marked {@link RolesAllowed} needs one of those roles (anyone
 * else sees "no access"). Which tenant or customer a view may show is the services' business: they
 * check the owner of every id, so a tampered URL gets "not found" from them.
 */
@ApplicationScoped
public class ViewAccessGuard implements BeforeEnterListener {

    static final String NO_ACCESS = "Your login has no access to this page";

    @Inject
    private CurrentUser currentUser;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> view = event.getNavigationTarget();
        if (HasErrorParameter.class.isAssignableFrom(view)) {
            return;
        }
        if (!currentUser.isSignedIn()) {
            event.forwardToUrl(ReturnPath.signInAddress("/" + event.getLocation().getPathWithQueryParameters()));
        } else if (!roleMayEnter(view)) {
            event.rerouteToError(new AccessDeniedException(NO_ACCESS), NO_ACCESS);
        }
    }

    private boolean roleMayEnter(Class<?> view) {
        RolesAllowed roles = view.getAnnotation(RolesAllowed.class);
        return roles == null || currentUser.get()
                .map(user -> Arrays.asList(roles.value()).contains(user.actor().role().name()))
                .orElse(false);
    }
}
