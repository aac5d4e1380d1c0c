package org.tandem.domain.registration;

import org.junit.jupiter.api.Test;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.extension.SipCredentials;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDigest;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final AddressOfRecord AOR = new AddressOfRecord(UUID.randomUUID(), new ExtensionNumber("101"));

    private static Registration binding(Duration lifetime) {
        return Registration.taken(UUID.randomUUID(), AOR, "sip:101@192.0.2.7", null, new Flow("UDP", "192.0.2.7", 5060),
                "call@phone", 1, "Phone/1.0", NOW, lifetime);
    }

    @Test
    void isActiveUntilItExpiresAndCountsItsSecondsUp() {
        Registration binding = binding(Duration.ofSeconds(60));

        assertThat(binding.isActiveAt(NOW.plusSeconds(59))).isTrue();
        assertThat(binding.isActiveAt(NOW.plusSeconds(60))).isFalse();
        assertThat(binding.secondsLeftAt(NOW)).isEqualTo(60);
        assertThat(binding.secondsLeftAt(NOW.plusMillis(59_001))).as("never 0 while active").isEqualTo(1);
        assertThat(binding.secondsLeftAt(NOW.plusSeconds(61))).isZero();
        assertThat(binding.instance()).isEmpty();
    }

    @Test
    void mustExpireAfterItWasTaken() {
        assertThatThrownBy(() -> binding(Duration.ZERO)).hasMessageContaining("expire after");
    }

    @Test
    void aFlowIsWrittenAndReadBackIncludingIpv6() {
        assertThat(new Flow("TCP", "192.0.2.7", 40000)).hasToString("tcp:192.0.2.7:40000");
        assertThat(Flow.parse("udp:[2001:db8::7]:5060")).isEqualTo(new Flow("udp", "2001:db8::7", 5060));
        assertThat(Flow.parse(new Flow("udp", "2001:db8::7", 5060).toString())).isEqualTo(new Flow("udp", "2001:db8::7", 5060));
        assertThatThrownBy(() -> new Flow("pigeon", "192.0.2.7", 5060)).hasMessageContaining("transport");
        assertThatThrownBy(() -> Flow.parse("somewhere")).hasMessageContaining("not a flow");
    }

    private static final PlanLimits PLAN = new PlanLimits(50, 10, 5);

    @Test
    void anAccountsContactLimitIsBetweenOneAndTwenty() {
        SipCredentials credentials = SipCredentials.derive("101", "acme.example.com", "pw".toCharArray());
        assertThat(new SipAccount(UUID.randomUUID(), true, new ExtensionNumber("101"), credentials,
                Extension.MAX_CONTACTS_LIMIT, PLAN, SipDigest.DEFAULT).maxContacts()).isEqualTo(20);
        assertThatThrownBy(() -> new SipAccount(UUID.randomUUID(), true, new ExtensionNumber("101"), credentials, 0, PLAN, SipDigest.DEFAULT))
                .hasMessageContaining("between 1 and 20");
    }
}
