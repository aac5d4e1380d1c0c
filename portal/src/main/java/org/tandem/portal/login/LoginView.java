package org.tandem.portal.login;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.inject.Inject;
import org.tandem.administration.account.PasswordThrottle;
import org.tandem.portal.home.HomeView;
import org.tandem.portal.security.Authenticator;
import org.tandem.portal.security.ClientAddress;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.security.PublicView;
import org.tandem.portal.security.SignedInUser;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sign-in page at {@code /login} and at the portal's root. A wrong username and a wrong password
 * get the same message; a signed-in user who comes here goes straight on to the landing view.
 */
@Route("login")
@RouteAlias("")
@PageTitle("Sign in | Tandem")
@PublicView
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String TITLE = "Tandem";
    static final String ERROR_TITLE = "Incorrect username or password";
    static final String ERROR_MESSAGE = "Check that you have entered the correct username and password and try again.";
    static final String THROTTLED_TITLE = "Too many failed sign-ins";
    static final String THROTTLED_MESSAGE = "Too many failed sign-ins from this address: they are paused here for a "
            + "few minutes. Try again later.";

    private final Authenticator authenticator;
    private final CurrentUser currentUser;
    private final PasswordThrottle throttle;
    private final LoginForm form = new LoginForm();

    @Inject
    public LoginView(Authenticator authenticator, CurrentUser currentUser, PasswordThrottle throttle) {
        this.authenticator = authenticator;
        this.currentUser = currentUser;
        this.throttle = throttle;

        form.setI18n(texts(ERROR_TITLE, ERROR_MESSAGE));
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(this::signIn);

        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.isSignedIn()) {
            event.forwardTo(HomeView.class);
        }
    }

    private void signIn(LoginEvent event) {
        String address = ClientAddress.current();
        if (!throttle.passwordWait(event.getUsername(), address).isZero()) {
            refuse(THROTTLED_TITLE, THROTTLED_MESSAGE);
            return;
        }
        char[] password = event.getPassword() == null ? new char[0] : event.getPassword().toCharArray();
        Optional<SignedInUser> user;
        try {
            user = authenticator.authenticate(event.getUsername(), password);
        } finally {
            Arrays.fill(password, '\0');
        }
        user.ifPresentOrElse(signedIn -> {
            currentUser.signIn(signedIn);
            UI.getCurrent().navigate(HomeView.class);
        }, () -> {
            throttle.passwordFailed(event.getUsername(), address);
            refuse(ERROR_TITLE, ERROR_MESSAGE);
        });
    }

    private void refuse(String title, String message) {
        form.setI18n(texts(title, message));
        form.setError(true);
    }

    private static LoginI18n texts(String errorTitle, String errorMessage) {
        LoginI18n texts = LoginI18n.createDefault();
        texts.getForm().setTitle(TITLE);
        texts.getErrorMessage().setTitle(errorTitle);
        texts.getErrorMessage().setMessage(errorMessage);
        return texts;
    }
}
