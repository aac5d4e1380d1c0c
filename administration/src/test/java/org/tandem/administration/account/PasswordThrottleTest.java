package org.tandem.administration.account;

import org.junit.jupiter.api.Test;
import org.tandem.domain.throttle.ThrottlePolicy;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule of the one password throttle, whichever door the passwords came through. */
class PasswordThrottleTest {

    private static final ThrottlePolicy POLICY = ThrottlePolicy.DEFAULT;

    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final PasswordThrottle throttle = new PasswordThrottle(POLICY, () -> now);

    /** Issue #11: five wrong passwords from anywhere locked an admin out of every address. */
    @Test
    void failuresFromOneAddressPauseTheUsernameThereButNotFromAnotherAddress() {
        for (int i = 0; i < POLICY.perAccountAndAddress(); i++) {
            assertThat(allows("alice", "192.0.2.1")).isTrue();
            wrongPassword("Alice", "192.0.2.1");
        }
        assertThat(allows("ALICE", "192.0.2.1")).as("the guessing address").isFalse();
        assertThat(allows("alice", "198.51.100.9")).as("the rightful user elsewhere").isTrue();
        assertThat(allows("bob", "192.0.2.1")).as("another username from there").isTrue();

        now = now.plus(POLICY.block()).plusSeconds(1);
        assertThat(allows("alice", "192.0.2.1")).isTrue();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotBlock() {
        for (int i = 0; i < 3 * POLICY.perAccountAndAddress(); i++) {
            wrongPassword("carol", "192.0.2.10");
            now = now.plus(Duration.ofSeconds(20));
        }
        assertThat(allows("carol", "192.0.2.10")).isTrue();
    }

    @Test
    void oneAddressTryingManyUsernamesIsBlocked() {
        for (int i = 0; i < POLICY.perAddress(); i++) {
            wrongPassword("user" + i, "203.0.113.5");
        }
        assertThat(allows("someone-new", "203.0.113.5")).isFalse();
        assertThat(allows("someone-new", "203.0.113.6")).isTrue();
    }

    @Test
    void everySpellingOfALoginIsOneLoginAndNamesThatCannotBeLoginsAreOneOther() {
        for (int i = 0; i < POLICY.perAccountAndAddress(); i++) {
            wrongPassword(i % 2 == 0 ? " Dave " : "DAVE", "192.0.2.30");
        }
        assertThat(allows("dave", "192.0.2.30")).isFalse();

        for (int i = 0; i < POLICY.perAccountAndAddress(); i++) {
            wrongPassword("no such login " + i, "192.0.2.31");
        }
        assertThat(allows("!", "192.0.2.31")).as("any name that cannot be a login").isFalse();
        assertThat(allows("dave", "192.0.2.31")).as("a real login from there").isTrue();
    }

    @Test
    void badTokensAreOneAccountThatSharesTheAddressLimitWithPasswords() {
        for (int i = 0; i < POLICY.perAccountAndAddress(); i++) {
            wrongToken("192.0.2.40");
        }
        assertThat(throttle.checkToken("192.0.2.40", () -> true, right -> right))
                .isEqualTo(new PasswordThrottle.Paused<>(POLICY.block()));
        assertThat(allows("erin", "192.0.2.40")).as("passwords from there").isTrue();

        for (int i = POLICY.perAccountAndAddress(); i < POLICY.perAddress(); i++) {
            wrongPassword("user" + i, "192.0.2.40");
        }
        assertThat(allows("erin", "192.0.2.40")).as("past the address limit, counting tokens").isFalse();
    }

    /** Whether a right password of {@code username} from {@code address} is looked at (it counts nothing). */
    private boolean allows(String username, String address) {
        return throttle.checkPassword(username, address, () -> true, right -> right) instanceof PasswordThrottle.Looked;
    }

    private void wrongPassword(String username, String address) {
        assertThat(throttle.checkPassword(username, address, () -> false, right -> right))
                .isEqualTo(new PasswordThrottle.Looked<>(false));
    }

    private void wrongToken(String address) {
        assertThat(throttle.checkToken(address, () -> false, right -> right)).isEqualTo(new PasswordThrottle.Looked<>(false));
    }
}
