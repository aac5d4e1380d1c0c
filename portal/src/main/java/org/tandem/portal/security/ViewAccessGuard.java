package org.tandem.portal.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.portal.login.LoginView;

/**
 * The portal's access rules, in one place: runs before every navigation of every UI, before the
 * target view is even created. Today's rule: a view not marked {@link PublicView} needs a signed-in
 * user, and anyone else is sent to the login page. Role rules (operator, reseller, tenant scopes)
 * belong here too.
 */
@ApplicationScoped
public class ViewAccessGuard implements BeforeEnterListener {

    private CurrentUser currentUser;

    /** For CDI's client proxy only. */
    protected ViewAccessGuard() {
    }

    @Inject
    public ViewAccessGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (mayEnter(event.getNavigationTarget())) {
            return;
        }
        event.forwardTo(LoginView.class);
    }

    boolean mayEnter(Class<?> view) {
        return view.isAnnotationPresent(PublicView.class) || currentUser.isSignedIn();
    }
}
