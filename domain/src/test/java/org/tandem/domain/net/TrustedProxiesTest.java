package org.tandem.domain.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * The client a request came from, told by its peer and its X-Forwarded-For headers (one per
     * {@code ;}, none when empty).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a forged header from an untrusted peer changes nothing    | 198.51.100.7 | 127.0.0.1                          | 198.51.100.7
            a forged proxy address from an untrusted peer neither     | 198.51.100.7 | 10.0.0.5                           | 198.51.100.7
            from a trusted proxy the client is the address it adds    | 10.0.0.5     | 203.0.113.9                        | 203.0.113.9
            through two proxies, the nearest address not a proxy      | 10.0.0.5     | 203.0.113.9, 10.1.4.4              | 203.0.113.9
            what the client wrote sits left of what proxies appended  | ::1          | 127.0.0.1, 203.0.113.9;10.1.2.3    | 203.0.113.9
            no header                                                 | 10.0.0.5     | ''                                 | 10.0.0.5
            only proxies                                              | 10.0.0.5     | 10.1.0.1                           | 10.1.0.1
            a garbled entry ends the walk at the last trusted hop     | 10.0.0.5     | 127.0.0.1, evil.example.com        | 10.0.0.5
            an entry that is no address ends the walk too             | 10.0.0.5     | unknown, 10.1.9.9                  | 10.1.9.9
            """)
    void theClientIsTheNearestAddressThatIsNotATrustedProxy(String story, String peer, String headers, String client) {
        List<String> forwardedFor = headers.isEmpty() ? List.of() : List.of(headers.split(";"));
        assertThat(proxies.clientOf(peer, forwardedFor)).as(story).isEqualTo(client);
    }

    @Test
    void refusesAListItCannotRead() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining(TrustedProxies.PROPERTY)
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example.com")).hasMessageContaining("not an IP address");
    }
}
