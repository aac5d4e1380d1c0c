package org.tandem.domain.apitoken;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiTokenSecretTest {

    @Test
    void aNewTokenParsesBackToItsPrefixAndMatchesOnlyItsOwnHash() {
        ApiTokenSecret secret = ApiTokenSecret.generate();

        assertThat(secret.text()).matches("tdm_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
        ApiTokenSecret presented = ApiTokenSecret.parse(secret.text()).orElseThrow();
        assertThat(presented.prefix()).isEqualTo(secret.prefix());
        assertThat(presented.matches(secret.sha256())).isTrue();
        assertThat(secret.sha256()).matches("[0-9a-f]{64}");

        String otherSecretSamePrefix = secret.text().substring(0, secret.text().length() - 1)
                + (secret.text().endsWith("A") ? "B" : "A");
        assertThat(ApiTokenSecret.parse(otherSecretSamePrefix).orElseThrow().matches(secret.sha256())).isFalse();
        assertThat(presented.matches(null)).isFalse();
    }

    @Test
    void tokensAreNotRepeated() {
        Set<String> prefixes = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ApiTokenSecret secret = ApiTokenSecret.generate();
            prefixes.add(secret.prefix());
            hashes.add(secret.sha256());
        }
        assertThat(prefixes).hasSize(1_000);
        assertThat(hashes).hasSize(1_000);
    }

    @Test
    void textThatIsNotATokenIsNotParsed() {
        String good = ApiTokenSecret.generate().text();
        assertThat(ApiTokenSecret.parse(null)).isEmpty();
        assertThat(ApiTokenSecret.parse("")).isEmpty();
        assertThat(ApiTokenSecret.parse(good + "x")).isEmpty();
        assertThat(ApiTokenSecret.parse(good.replace("tdm_", "xyz_"))).isEmpty();
        assertThat(ApiTokenSecret.parse(" " + good)).isEmpty();
        assertThat(ApiTokenSecret.parse(good.toUpperCase())).isEmpty();
    }

    @Test
    void theSecretNeverShowsInLogs() {
        ApiTokenSecret secret = ApiTokenSecret.generate();
        assertThat(secret.toString()).contains(secret.prefix()).doesNotContain(secret.text());
    }

    @Test
    void aTokenIsActiveUntilItExpiresOrIsRevoked() {
        Instant made = Instant.parse("2026-01-01T00:00:00Z");
        Instant expiry = made.plusSeconds(3600);
        ApiToken token = ApiToken.issue(UUID.randomUUID(), "alice", "CI", ApiTokenSecret.generate(), made, expiry);

        assertThat(token.status(made)).isEqualTo(ApiTokenStatus.ACTIVE);
        assertThat(token.status(expiry.minusMillis(1))).isEqualTo(ApiTokenStatus.ACTIVE);
        assertThat(token.status(expiry)).isEqualTo(ApiTokenStatus.EXPIRED);
        ApiToken revoked = new ApiToken(token.id(), token.accountId(), "alice", "CI", token.prefix(), token.secretSha256(),
                made, expiry, made.plusSeconds(60), null);
        assertThat(revoked.status(made.plusSeconds(61))).isEqualTo(ApiTokenStatus.REVOKED);
        assertThat(ApiToken.issue(UUID.randomUUID(), "alice", "forever", ApiTokenSecret.generate(), made, null)
                .status(made.plusSeconds(10L * 365 * 86400))).isEqualTo(ApiTokenStatus.ACTIVE);
        assertThatThrownBy(() -> ApiToken.issue(UUID.randomUUID(), "alice", "past", ApiTokenSecret.generate(), made, made))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
