package org.tandem.administration.support;

import org.tandem.administration.account.PasswordThrottle;
import org.tandem.administration.apitoken.ApiAuthentication;
import org.tandem.administration.apitoken.ApiTokenService;
import org.tandem.administration.apitoken.DefaultApiTokenService;
import org.tandem.domain.throttle.ThrottlePolicy;
import org.tandem.storage.jdbc.JdbcApiTokens;
import org.tandem.testsupport.beans.Injection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The API token service and authentication on the shared administration database, with a clock the
 * test moves (expiry, throttling) and a throttle of its own per fixture, so tests do not slow each
 * other down.
 */
public final class ApiTokenFixture {

    public final AdministrationFixture administration = AdministrationFixture.shared();
    public final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    public final ApiTokenService tokens;
    public final PasswordThrottle throttle;
    public final ApiAuthentication authentication;

    public ApiTokenFixture(ThrottlePolicy policy) {
        JdbcApiTokens repository = new JdbcApiTokens(administration.database().dataSource(), "node1");
        tokens = Injection.into(new DefaultApiTokenService(), repository, administration.services().homeNode, clock);
        throttle = new PasswordThrottle(policy, clock);
        authentication = Injection.into(new ApiAuthentication(), repository, administration.accounts, throttle, clock);
    }

    /** A clock that stands still until a test moves it. */
    public static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
