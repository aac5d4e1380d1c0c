package org.tandem.portal.metrics;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ScraperAccessTest {

    @Test
    void withoutATokenOnlyTheNodeItselfMayScrape() {
        ScraperAccess access = new ScraperAccess(Optional.empty());
        assertThat(access.allows(null, "127.0.0.1")).isTrue();
        assertThat(access.allows(null, "127.0.0.3")).isTrue();
        assertThat(access.allows(null, "::1")).isTrue();
        assertThat(access.allows("Bearer anything", "192.0.2.7")).isFalse();
        assertThat(access.allows(null, "not an address")).isFalse();
    }

    @Test
    void withATokenWhoeverPresentsItMayScrapeAndNobodyElse() {
        ScraperAccess access = new ScraperAccess(Optional.of("s3cret-token"));
        assertThat(access.allows("Bearer s3cret-token", "192.0.2.7")).isTrue();
        assertThat(access.allows("Bearer s3cret-tokeN", "192.0.2.7")).isFalse();
        assertThat(access.allows("Basic s3cret-token", "192.0.2.7")).isFalse();
        assertThat(access.allows(null, "127.0.0.1")).as("the token is asked of loopback scrapers too").isFalse();
    }
}
