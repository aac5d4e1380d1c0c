package org.tandem.engine.auth;

import org.junit.jupiter.api.Test;
import org.tandem.engine.registrar.TestClock;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.auth.NonceService.Freshness.EXPIRED;
import static org.tandem.engine.auth.NonceService.Freshness.FRESH;
import static org.tandem.engine.auth.NonceService.Freshness.UNKNOWN;

class NonceServiceTest {

    private final TestClock clock = new TestClock();
    private final NonceService nonces = new NonceService(clock);

    @Test
    void aNonceIsFreshOnlyForItsRealmAndAddressAndOnlyForItsLifetime() {
        String nonce = nonces.issue("acme.example.com", "192.0.2.7");

        assertThat(nonces.check(nonce, "acme.example.com", "192.0.2.7")).isEqualTo(FRESH);
        assertThat(nonces.check(nonce, "other.example.com", "192.0.2.7")).isEqualTo(UNKNOWN);
        assertThat(nonces.check(nonce, "acme.example.com", "192.0.2.8")).isEqualTo(UNKNOWN);

        clock.advance(NonceService.DEFAULT_LIFETIME);
        assertThat(nonces.check(nonce, "acme.example.com", "192.0.2.7")).isEqualTo(FRESH);
        clock.advance(Duration.ofMillis(1));
        assertThat(nonces.check(nonce, "acme.example.com", "192.0.2.7")).isEqualTo(EXPIRED);
    }

    @Test
    void aForgedTamperedOrEarlierStartsNonceIsUnknown() {
        String nonce = nonces.issue("acme.example.com", "192.0.2.7");
        // the first character: every bit of it is the nonce's (a last character may hold padding bits only)
        char first = nonce.charAt(0);
        String tampered = (first == 'A' ? 'B' : 'A') + nonce.substring(1);

        assertThat(nonces.check(tampered, "acme.example.com", "192.0.2.7")).isEqualTo(UNKNOWN);
        assertThat(nonces.check("not base64 !", "acme.example.com", "192.0.2.7")).isEqualTo(UNKNOWN);
        assertThat(nonces.check("", "acme.example.com", "192.0.2.7")).isEqualTo(UNKNOWN);
        assertThat(new NonceService(clock).check(nonce, "acme.example.com", "192.0.2.7"))
                .as("a restarted engine has a new secret").isEqualTo(UNKNOWN);
    }

    @Test
    void noTwoNoncesAreAlikeEvenInTheSameMillisecond() {
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            issued.add(nonces.issue("acme.example.com", "192.0.2.7"));
        }
        assertThat(issued).hasSize(1_000);
    }

    @Test
    void eachNonceCountIsAcceptedOnceAndOnlyRising() {
        String nonce = nonces.issue("acme.example.com", "192.0.2.7");

        assertThat(nonces.acceptCount(nonce, 1)).isTrue();
        assertThat(nonces.acceptCount(nonce, 1)).as("replay").isFalse();
        assertThat(nonces.acceptCount(nonce, 2)).isTrue();
        assertThat(nonces.acceptCount(nonce, 5)).as("a phone may skip counts").isTrue();
        assertThat(nonces.acceptCount(nonce, 4)).isFalse();
        assertThat(nonces.acceptCount(nonces.issue("acme.example.com", "192.0.2.7"), 1)).as("another nonce").isTrue();
    }

    @Test
    void forgettingOldCountsNeverLetsTheirNoncesBeReplayed() {
        NonceCounts counts = new NonceCounts(2);
        long liveFrom = 0;

        assertThat(counts.accept("a", 10, 1, liveFrom)).isTrue();
        assertThat(counts.accept("b", 20, 1, liveFrom)).isTrue();
        assertThat(counts.accept("c", 30, 1, liveFrom)).isTrue();

        assertThat(counts.size()).isEqualTo(2);
        assertThat(counts.accept("a", 10, 2, liveFrom)).as("a's counts were forgotten: refused, not trusted").isFalse();
        assertThat(counts.accept("b", 20, 2, liveFrom)).isTrue();
        assertThat(counts.accept("d", 40, 1, liveFrom)).as("newer nonces are still fine").isTrue();
    }

    @Test
    void expiredNoncesMakeRoomWithoutRaisingTheFloor() {
        NonceCounts counts = new NonceCounts(2);

        assertThat(counts.accept("old", 10, 1, 0)).isTrue();
        assertThat(counts.accept("b", 100, 1, 0)).isTrue();
        assertThat(counts.accept("c", 110, 1, 50)).isTrue();

        assertThat(counts.size()).isEqualTo(2);
        assertThat(counts.accept("fresh-but-unseen", 60, 1, 50)).as("issued after the floor").isTrue();
    }
}
