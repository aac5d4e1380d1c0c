package org.tandem.administration.apitoken;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.account.PasswordThrottle;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.administration.support.ApiTokenFixture;
import org.tandem.domain.apitoken.ApiTokenStatus;
import org.tandem.domain.throttle.ThrottlePolicy;
import org.tandem.testsupport.concurrent.AllAtOnce;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.ACME_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.ACME_USER;
import static org.tandem.administration.support.AdministrationFixture.GLOBEX_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.OPERATOR;
import static org.tandem.administration.support.AdministrationFixture.PASSWORD;
import static org.tandem.administration.support.AdministrationFixture.SOUTHGATE_ADMIN;

/** API tokens on a real PostgreSQL: made once, acting as their login, seen and revoked within their scope only. */
class ApiTokensTest {

    private final ApiTokenFixture fixture = new ApiTokenFixture(ThrottlePolicy.DEFAULT);
    private final AdministrationFixture administration = fixture.administration;

    @Test
    void aTokenActsAsTheLoginThatMadeItUntilRevoked() {
        Actor acmeAdmin = administration.actor(ACME_ADMIN);
        IssuedApiToken issued = fixture.tokens.issue(acmeAdmin, "provisioning", null);

        assertThat(issued.secret()).startsWith(issued.token().prefix() + "_");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(issued.token().owner()).isEqualTo(ACME_ADMIN);
        assertThat(fixture.authentication.bearer(issued.secret(), "192.0.2.1")).isEqualTo(acmeAdmin);
        assertThat(find(acmeAdmin, issued).lastUsedAt()).isEqualTo(fixture.clock.instant());

        ApiTokenSummary revoked = fixture.tokens.revoke(acmeAdmin, issued.token().id());

        assertThat(revoked.status()).isEqualTo(ApiTokenStatus.REVOKED);
        assertThatThrownBy(() -> fixture.authentication.bearer(issued.secret(), "192.0.2.1"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageStartingWith("The API token was revoked at");
        assertThat(fixture.tokens.revoke(acmeAdmin, issued.token().id()).revokedAt()).isEqualTo(revoked.revokedAt());
    }

    @Test
    void anExpiredTokenStopsWorkingAndSaysSoOnlyToItsHolder() {
        Actor northwind = administration.actor(NORTHWIND_ADMIN);
        Instant expiry = fixture.clock.instant().plus(Duration.ofHours(1));
        IssuedApiToken issued = fixture.tokens.issue(northwind, "nightly report", expiry);
        assertThat(fixture.authentication.bearer(issued.secret(), "192.0.2.2")).isEqualTo(northwind);

        fixture.clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> fixture.authentication.bearer(issued.secret(), "192.0.2.2"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage("The API token expired at " + expiry);
        assertThat(find(northwind, issued).status()).isEqualTo(ApiTokenStatus.EXPIRED);
        String guessed = issued.secret().substring(0, issued.secret().length() - 2) + "xy";
        assertThatThrownBy(() -> fixture.authentication.bearer(guessed, "192.0.2.2"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage(ApiAuthentication.INVALID_TOKEN);
        assertThatThrownBy(() -> fixture.authentication.bearer("Bearer nonsense", "192.0.2.2"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage(ApiAuthentication.INVALID_TOKEN);
    }

    @Test
    void tokensAreSeenAndRevokedWithinTheirResellerOrTenantOnly() {
        IssuedApiToken acmeToken = fixture.tokens.issue(administration.actor(ACME_ADMIN), "acme script", null);
        IssuedApiToken northwindToken = fixture.tokens.issue(administration.actor(NORTHWIND_ADMIN), "north script", null);

        assertThat(fixture.tokens.tokens(administration.actor(ACME_ADMIN))).extracting(ApiTokenSummary::id)
                .contains(acmeToken.token().id()).doesNotContain(northwindToken.token().id());
        assertThat(fixture.tokens.tokens(administration.actor(GLOBEX_ADMIN))).extracting(ApiTokenSummary::id)
                .doesNotContain(acmeToken.token().id(), northwindToken.token().id());
        assertThat(fixture.tokens.tokens(administration.actor(SOUTHGATE_ADMIN))).extracting(ApiTokenSummary::id)
                .doesNotContain(acmeToken.token().id(), northwindToken.token().id());

        // Acme's reseller is Northwind, but a reseller's rights over its customer are not rights over the customer's tokens
        assertThatThrownBy(() -> fixture.tokens.revoke(administration.actor(NORTHWIND_ADMIN), acmeToken.token().id()))
                .isInstanceOf(NotFoundException.class).hasMessage("No such API token");
        assertThatThrownBy(() -> fixture.tokens.revoke(administration.actor(GLOBEX_ADMIN), acmeToken.token().id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixture.authentication.bearer(acmeToken.secret(), "192.0.2.3")).isEqualTo(administration.actor(ACME_ADMIN));
    }

    @Test
    void onlyResellerAndTenantAdminsHoldTokens() {
        assertThatThrownBy(() -> fixture.tokens.issue(administration.actor(OPERATOR), "everything", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.tokens.issue(administration.actor(ACME_USER), "mine", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.tokens.tokens(administration.actor(ACME_USER)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTokenNeedsANameAndAnExpiryInTheFuture() {
        Actor acmeAdmin = administration.actor(ACME_ADMIN);

        assertThatThrownBy(() -> fixture.tokens.issue(acmeAdmin, " ", fixture.clock.instant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(ApiTokenService.NAME, "Token name is required")
                        .containsKey(ApiTokenService.EXPIRES_AT));
        assertThatThrownBy(() -> fixture.tokens.issue(acmeAdmin, "x".repeat(121), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPasswordProvesTheLoginAndAWrongOneOrUnknownUserIsTheSameAnswer() {
        assertThat(fixture.authentication.password(ACME_ADMIN, PASSWORD.toCharArray(), "192.0.2.4"))
                .isEqualTo(administration.actor(ACME_ADMIN));
        assertThatThrownBy(() -> fixture.authentication.password(ACME_ADMIN, "wrong".toCharArray(), "192.0.2.4"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage(ApiAuthentication.WRONG_PASSWORD);
        assertThatThrownBy(() -> fixture.authentication.password("nobody@nowhere", PASSWORD.toCharArray(), "192.0.2.4"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage(ApiAuthentication.WRONG_PASSWORD);
        assertThatThrownBy(() -> fixture.authentication.password("!", PASSWORD.toCharArray(), "192.0.2.4"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage(ApiAuthentication.WRONG_PASSWORD);
    }

    @Test
    void anAddressThatKeepsFailingWaitsEvenWithAGoodTokenWhileOthersGoOn() {
        ApiTokenFixture strict = new ApiTokenFixture(new ThrottlePolicy(3, 3, Duration.ofMinutes(1),
                Duration.ofSeconds(30), 100));
        IssuedApiToken good = strict.tokens.issue(administration.actor(GLOBEX_ADMIN), "globex", null);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> strict.authentication.bearer("tdm_guess", "198.51.100.7"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        assertThatThrownBy(() -> strict.authentication.bearer(good.secret(), "198.51.100.7"))
                .isInstanceOfSatisfying(TooManyFailedAttemptsException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThatThrownBy(() -> strict.authentication.password(GLOBEX_ADMIN, PASSWORD.toCharArray(), "198.51.100.7"))
                .isInstanceOf(TooManyFailedAttemptsException.class);
        assertThat(strict.authentication.bearer(good.secret(), "198.51.100.8")).isEqualTo(administration.actor(GLOBEX_ADMIN));

        strict.clock.advance(Duration.ofSeconds(30));
        assertThat(strict.authentication.bearer(good.secret(), "198.51.100.7")).isEqualTo(administration.actor(GLOBEX_ADMIN));
    }

    @Test
    void wrongPasswordsForALoginFromOneAddressPauseItThereOnly() {
        ApiTokenFixture strict = new ApiTokenFixture(new ThrottlePolicy(3, 10, Duration.ofMinutes(1),
                Duration.ofMinutes(5), 100));
        IssuedApiToken good = strict.tokens.issue(administration.actor(GLOBEX_ADMIN), "globex", null);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> strict.authentication.password(GLOBEX_ADMIN, "wrong".toCharArray(), "198.51.100.20"))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        assertThatThrownBy(() -> strict.authentication.password(GLOBEX_ADMIN, PASSWORD.toCharArray(), "198.51.100.20"))
                .as("that login from that address").isInstanceOf(TooManyFailedAttemptsException.class);
        assertThat(strict.authentication.password(GLOBEX_ADMIN, PASSWORD.toCharArray(), "198.51.100.21"))
                .as("the same login from elsewhere").isEqualTo(administration.actor(GLOBEX_ADMIN));
        assertThat(strict.authentication.bearer(good.secret(), "198.51.100.20"))
                .as("a token from the guessing address").isEqualTo(administration.actor(GLOBEX_ADMIN));
    }

    /**
     * One budget per address and login, whichever door: two wrong passwords through the API's HTTP Basic and
     * two at the portal's sign-in (the bean the portal's views call) make the four that block, at both doors.
     */
    @Test
    void wrongPasswordsThroughTheApiPauseThePortalSignInAndTheOtherWayRound() {
        ApiTokenFixture strict = new ApiTokenFixture(new ThrottlePolicy(4, 20, Duration.ofMinutes(1),
                Duration.ofMinutes(5), 100));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> strict.authentication.password(GLOBEX_ADMIN, "wrong".toCharArray(), "198.51.100.30"))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThat(strict.throttle.checkPassword(" " + GLOBEX_ADMIN.toUpperCase(Locale.ROOT), "198.51.100.30",
                    () -> false, right -> right)).as("the portal's sign-in").isInstanceOf(PasswordThrottle.Looked.class);
        }

        assertThat(strict.throttle.checkPassword(GLOBEX_ADMIN, "198.51.100.30", () -> true, right -> right))
                .as("the portal's sign-in, after two wrong passwords there and two through the API")
                .isEqualTo(new PasswordThrottle.Paused<>(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> strict.authentication.password(GLOBEX_ADMIN, PASSWORD.toCharArray(), "198.51.100.30"))
                .as("the API's HTTP Basic").isInstanceOf(TooManyFailedAttemptsException.class);
        assertThat(strict.authentication.password(GLOBEX_ADMIN, PASSWORD.toCharArray(), "198.51.100.31"))
                .as("the same login from elsewhere").isEqualTo(administration.actor(GLOBEX_ADMIN));
    }

    /** Twelve wrong passwords sent at once were each looked at, where the policy allows three. */
    @Test
    @Timeout(120)
    void wrongPasswordsSentAllAtOnceGetNoMoreLooksThanThePolicyAllows() throws Exception {
        ApiTokenFixture strict = new ApiTokenFixture(new ThrottlePolicy(3, 20, Duration.ofMinutes(1),
                Duration.ofMinutes(5), 100));

        List<Class<?>> answers = allAtOnce(12, guess ->
                strict.authentication.password(GLOBEX_ADMIN, ("wrong-" + guess).toCharArray(), "198.51.100.40"));

        assertThat(answers).as("passwords looked at").filteredOn(AuthenticationFailedException.class::equals).hasSize(3);
        assertThat(answers).as("refused unseen").filteredOn(TooManyFailedAttemptsException.class::equals).hasSize(9);
        assertThatThrownBy(() -> strict.authentication.password(GLOBEX_ADMIN, PASSWORD.toCharArray(), "198.51.100.40"))
                .isInstanceOf(TooManyFailedAttemptsException.class);
    }

    @Test
    @Timeout(120)
    void badTokensSentAllAtOnceGetNoMoreLooksThanThePolicyAllows() throws Exception {
        ApiTokenFixture strict = new ApiTokenFixture(new ThrottlePolicy(3, 20, Duration.ofMinutes(1),
                Duration.ofMinutes(5), 100));
        IssuedApiToken good = strict.tokens.issue(administration.actor(GLOBEX_ADMIN), "globex", null);
        String known = good.secret().substring(0, good.secret().length() - 2);
        String wrongLast = good.secret().endsWith("x") ? "y" : "x";

        List<Class<?>> answers = allAtOnce(12, guess ->
                strict.authentication.bearer(known + (char) ('a' + guess) + wrongLast, "198.51.100.41"));

        assertThat(answers).as("tokens looked at").filteredOn(AuthenticationFailedException.class::equals).hasSize(3);
        assertThat(answers).as("refused unseen").filteredOn(TooManyFailedAttemptsException.class::equals).hasSize(9);
    }

    /** What each call of {@code call} let go together on {@code count} threads threw: which answer it came to. */
    private static List<Class<?>> allAtOnce(int count, IntFunction<Actor> call) throws Exception {
        return AllAtOnce.run(count, guess -> {
            try {
                call.apply(guess);
                return Actor.class;
            } catch (AuthenticationFailedException | TooManyFailedAttemptsException answer) {
                return answer.getClass();
            }
        });
    }

    private ApiTokenSummary find(Actor actor, IssuedApiToken issued) {
        return fixture.tokens.tokens(actor).stream().filter(token -> token.id().equals(issued.token().id()))
                .findFirst().orElseThrow();
    }
}
