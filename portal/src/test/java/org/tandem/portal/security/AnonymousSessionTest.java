package org.tandem.portal.security;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.junit.jupiter.api.Test;
import org.tandem.portal.support.PortalViewTest;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;

/** A session that has not signed in lives a few minutes without a request; signing in gives it the usual timeout back. */
class AnonymousSessionTest extends PortalViewTest {

    @Test
    void aSessionIsShortLivedUntilItSignsIn() {
        WrappedSession session = VaadinSession.getCurrent().getSession();
        assertThat(session.getAttribute(AnonymousSessions.USUAL_TIMEOUT)).as("marked anonymous when it started").isNotNull();
        // as WildFly starts a session: 30 minutes
        session.setMaxInactiveInterval(1800);
        AnonymousSessions.started(session, AnonymousSessions.DEFAULT_TIMEOUT_SECONDS);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(300);

        signIn(TENANT_ADMIN_USERNAME);

        assertThat(VaadinSession.getCurrent().getSession().getMaxInactiveInterval()).isEqualTo(1800);
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(AnonymousSessions.USUAL_TIMEOUT)).isNull();
    }

    @Test
    void aContainerTimeoutShorterThanTheSettingOrNoneAtAllIsKeptInMind() {
        WrappedSession session = VaadinSession.getCurrent().getSession();
        session.setMaxInactiveInterval(60);
        AnonymousSessions.started(session, 300);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(60);
        session.setMaxInactiveInterval(-1);
        AnonymousSessions.started(session, 300);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(300);
        AnonymousSessions.signedIn(session);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(-1);
    }

    @Test
    void theTimeoutIsASettingOfPositiveSeconds() {
        Properties properties = new Properties();
        assertThat(AnonymousSessions.timeoutSeconds(properties)).isEqualTo(300);
        properties.setProperty(AnonymousSessions.TIMEOUT_PROPERTY, " 120 ");
        assertThat(AnonymousSessions.timeoutSeconds(properties)).isEqualTo(120);
        properties.setProperty(AnonymousSessions.TIMEOUT_PROPERTY, "0");
        assertThatIllegalArgumentException().isThrownBy(() -> AnonymousSessions.timeoutSeconds(properties));
        properties.setProperty(AnonymousSessions.TIMEOUT_PROPERTY, "five minutes");
        assertThatIllegalArgumentException().isThrownBy(() -> AnonymousSessions.timeoutSeconds(properties));
    }
}
