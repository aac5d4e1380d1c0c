package org.tandem.portal.security;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.VaadinSessionState;
import com.vaadin.flow.server.WrappedHttpSession;
import org.junit.jupiter.api.Test;
import org.tandem.administration.support.AdministrationFixture.NewCustomer;
import org.tandem.portal.support.PortalViewTest;
import org.tandem.storage.jpa.JpaPortalAccountRepository;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login removed, or given a new password elsewhere (another browser, another node: the change
 * reaches this node's portal as a database notification), signs out the browsers signed in with it
 * at once, instead of letting them work on until they sit idle. The browser that changes its own
 * password stays signed in.
 */
class RevokedSignInTest extends PortalViewTest {

    private static boolean signedIn() {
        VaadinSession session = VaadinSession.getCurrent();
        return session != null && session.getState() == VaadinSessionState.OPEN
                && SignedInUser.of(((WrappedHttpSession) session.getSession()).getHttpSession()).isPresent();
    }

    /**
     * Runs what the server pushed until this browser is signed out, for up to 3 s. Karibu, standing in
     * for the browser, replaces a session closed by a pushed task with a new one while it still holds
     * the old one's lock, and reports that as the task's failure: that report is the sign-out done.
     */
    private static void awaitSignedOut() throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (signedIn() && System.nanoTime() < deadline) {
            try {
                MockVaadin.clientRoundtrip();
            } catch (Exception e) {
                if (!(e.getCause() instanceof IllegalStateException closed)
                        || !closed.getMessage().startsWith("Can't access session while another session is locked")) {
                    throw e;
                }
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aBrowserOfALoginThatIsRemovedIsSignedOut() throws Exception {
        NewCustomer customer = fixture.newCustomer("Leaver Co", 5);
        submitLogin(customer.admin(), customer.password());
        assertThat(signedIn()).isTrue();

        fixture.database().inTransaction(entityManager -> {
            JpaPortalAccountRepository accounts = new JpaPortalAccountRepository(entityManager);
            accounts.remove(accounts.findByUsername(customer.admin()).orElseThrow());
        });

        awaitSignedOut();
        assertThat(signedIn()).as("signed out once the login is gone").isFalse();
    }

    @Test
    void aPasswordChangedElsewhereSignsThisBrowserOutAndOneChangedHereDoesNot() throws Exception {
        NewCustomer customer = fixture.newCustomer("Rotating Co", 5);
        submitLogin(customer.admin(), customer.password());
        navigate("account/password");
        String changedHere = "Copper-Lantern-58-Quay";
        _setValue(_get(PasswordField.class, spec -> spec.withId("current-password")), customer.password());
        _setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), changedHere);
        _setValue(_get(PasswordField.class, spec -> spec.withId("repeated-password")), changedHere);
        _click(_get(Button.class, spec -> spec.withId("change-password")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("password-changed")).getText())
                .startsWith("Your password is changed");

        Thread.sleep(1_000); // the change's own notification has come and gone
        awaitSignedOut();
        assertThat(signedIn()).as("the browser that changed its own password").isTrue();

        fixture.ownAccount.changePassword(fixture.actor(customer.admin()), changedHere.toCharArray(),
                "Silver-Harbour-73-Gate".toCharArray(), "Silver-Harbour-73-Gate".toCharArray());

        awaitSignedOut();
        assertThat(signedIn()).as("signed out by a change made elsewhere").isFalse();
    }
}
