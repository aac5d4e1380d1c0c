package org.tandem.domain.net;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.5, 10.1.0.0/16, ::1");

    @Test
    void byDefaultTheHeaderIsIgnoredWhoeverSendsIt() {
        assertThat(TrustedProxies.fromProperties(new Properties()).clientOf("10.0.0.5", List.of("127.0.0.1")))
                .isEqualTo("10.0.0.5");
    }

    @Test
    void aForgedHeaderFromAnUntrustedPeerChangesNothing() {
        assertThat(proxies.clientOf("198.51.100.7", List.of("127.0.0.1"))).isEqualTo("198.51.100.7");
        assertThat(proxies.clientOf("198.51.100.7", List.of("10.0.0.5"))).isEqualTo("198.51.100.7");
    }

    @Test
    void fromATrustedProxyTheClientIsTheNearestAddressThatIsNotAProxy() {
        assertThat(proxies.clientOf("10.0.0.5", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientOf("10.0.0.5", List.of("203.0.113.9, 10.1.4.4"))).as("through two proxies")
                .isEqualTo("203.0.113.9");
        assertThat(proxies.clientOf("::1", List.of("127.0.0.1, 203.0.113.9", "10.1.2.3")))
                .as("what the client wrote sits left of what the proxies appended").isEqualTo("203.0.113.9");
        assertThat(proxies.clientOf("10.0.0.5", List.of())).as("no header").isEqualTo("10.0.0.5");
        assertThat(proxies.clientOf("10.0.0.5", List.of("10.1.0.1"))).as("only proxies").isEqualTo("10.1.0.1");
    }

    @Test
    void aGarbledEntryEndsTheWalkAtTheLastTrustedHop() {
        assertThat(proxies.clientOf("10.0.0.5", List.of("127.0.0.1, evil.example.com"))).isEqualTo("10.0.0.5");
        assertThat(proxies.clientOf("10.0.0.5", List.of("unknown, 10.1.9.9"))).isEqualTo("10.1.9.9");
    }

    @Test
    void refusesAListItCannotRead() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining(TrustedProxies.PROPERTY)
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example.com")).hasMessageContaining("not an IP address");
    }
}
