package org.tandem.portal.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tandem.administration.account.PasswordThrottle;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.throttle.ThrottlePolicy;
import org.tandem.testsupport.beans.Injection;
import org.tandem.testsupport.concurrent.AllAtOnce;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_PASSWORD;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;

/** The sign-in's rules with the real password hash on the fixture's PostgreSQL, many browsers at once. */
class SignInTest {

    private static final ThrottlePolicy POLICY = new ThrottlePolicy(3, 20, Duration.ofMinutes(1), Duration.ofMinutes(5),
            100);

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private final SignIn signIn = Injection.into(new SignIn(), Injection.into(new Authenticator(), fixture.accounts),
            new PasswordThrottle(POLICY, InstantSource.system()));

    /** Twelve wrong passwords sent at once from one address were each looked at, where the policy allows three. */
    @Test
    @Timeout(120)
    void wrongPasswordsSentAllAtOnceGetNoMoreLooksThanThePolicyAllows() throws Exception {
        List<SignIn.Outcome> outcomes = AllAtOnce.run(12, guess -> signIn.attempt(TENANT_ADMIN_USERNAME,
                ("wrong-" + guess).toCharArray(), "198.51.100.50"));

        assertThat(outcomes).as("passwords looked at").filteredOn(SignIn.Refused.class::isInstance).hasSize(3);
        assertThat(outcomes).as("paused unseen").filteredOn(SignIn.Paused.class::isInstance).hasSize(9)
                .allSatisfy(paused -> assertThat(((SignIn.Paused) paused).retryAfter())
                        .isPositive().isLessThanOrEqualTo(POLICY.block()));
        assertThat(signIn.attempt(TENANT_ADMIN_USERNAME, TENANT_ADMIN_PASSWORD.toCharArray(), "198.51.100.50"))
                .as("the right password from there, after").isInstanceOf(SignIn.Paused.class);
        assertThat(signIn.attempt(TENANT_ADMIN_USERNAME, TENANT_ADMIN_PASSWORD.toCharArray(), "198.51.100.51"))
                .as("the right password from elsewhere").isInstanceOf(SignIn.SignedIn.class);
    }
}
