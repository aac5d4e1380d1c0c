package org.tandem.router.dns;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Name;
import org.xbill.DNS.Update;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.router.dns.TestLayouts.POOL_AB;
import static org.tandem.router.dns.TestLayouts.layout;
import static org.tandem.router.dns.TestLayouts.tenant;

/**
 * What the zone's server refuses, and that a refusal changes nothing: a wrong secret, a key the server
 * does not know, a key without the right, a zone the server does not serve, a server that is not there.
 */
class ZoneClientTest {

    @RegisterExtension
    static final Bind9 bind = new Bind9();

    private List<String> zoneBefore;

    @BeforeEach
    void rememberTheZone() {
        zoneBefore = bind.zone();
    }

    private List<org.xbill.DNS.Record> acme() {
        return ClusterRecords.of(bind.names(), 60, layout(List.of(POOL_AB), tenant("acme.tandem.test", POOL_AB)))
                .inZone();
    }

    private ZonePublisher publisherWith(Bind9.Key key) {
        return new ZonePublisher(bind.client(key), bind.names());
    }

    /**
     * The server refuses {@code attempt} with {@code rcode} and the TSIG error {@code tsigError}, the
     * message saying {@code message}, and the zone stays as it was.
     */
    private void assertRefused(ThrowingCallable attempt, String rcode, Optional<String> tsigError, String message) {
        assertThatThrownBy(attempt)
                .isInstanceOfSatisfying(DnsRefusedException.class, refused -> {
                    assertThat(refused.rcode()).isEqualTo(rcode);
                    assertThat(refused.tsigError()).isEqualTo(tsigError);
                })
                .hasMessageContaining(message);
        assertThat(bind.zone()).isEqualTo(zoneBefore);
    }

    @Test
    void aWrongSecretIsRefusedAsBadSignatureAndNothingChanges() {
        Bind9.Key wrongSecret = new Bind9.Key(Bind9.PUBLISHER.name(), Bind9.PUBLISHER.algorithm(), Bind9.newSecret());

        assertThatThrownBy(() -> publisherWith(wrongSecret).publish(acme()))
                .isInstanceOfSatisfying(DnsRefusedException.class, refused -> {
                    assertThat(refused.zone()).isEqualTo("tandem.test.");
                    assertThat(refused.rcode()).isEqualTo("NOTAUTH");
                    assertThat(refused.tsigError()).contains("BADSIG");
                })
                .hasMessageStartingWith("DNS server 127.0.0.1:" + bind.address().getPort()
                        + " refused the SOA query of zone tandem.test.: NOTAUTH/BADSIG (the key's secret");
        assertThat(bind.zone()).isEqualTo(zoneBefore);
    }

    @Test
    void anUpdateSignedWithAWrongSecretIsRefusedToo() {
        Bind9.Key wrongSecret = new Bind9.Key(Bind9.PUBLISHER.name(), Bind9.PUBLISHER.algorithm(), Bind9.newSecret());
        Update update = new Update(bind.names().zone());
        acme().forEach(update::add);

        assertRefused(() -> bind.client(wrongSecret).update(update), "NOTAUTH", Optional.of("BADSIG"),
                "refused the update of zone tandem.test.: NOTAUTH/BADSIG");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefusedAsBadKey() {
        Bind9.Key unknown = new Bind9.Key("nobody-knows-me", "hmac-sha256", Bind9.newSecret());

        assertRefused(() -> publisherWith(unknown).publish(acme()), "NOTAUTH", Optional.of("BADKEY"),
                "the server does not know this key name");
    }

    @Test
    void aKeyThatMayOnlyReadIsRefusedTheUpdate() {
        assertRefused(() -> publisherWith(Bind9.READER).publish(acme()), "REFUSED", Optional.empty(),
                "refused the update of zone tandem.test.: REFUSED (the key may not do this");
    }

    @Test
    void aKeyThatMayNotTransferTheZoneIsRefusedBeforeAnyUpdate() {
        assertRefused(() -> publisherWith(Bind9.STRANGER).publish(acme()), "REFUSED", Optional.empty(),
                "refused the zone transfer of zone tandem.test.: REFUSED");
    }

    @Test
    void aZoneTheServerDoesNotServeIsRefused() {
        ZoneClient elsewhere = new ZoneClient(Name.fromConstantString("other.test."), bind.address(),
                Bind9.PUBLISHER.tsigKey(), Duration.ofSeconds(5));

        assertThatThrownBy(elsewhere::serial)
                .isInstanceOfSatisfying(DnsRefusedException.class, refused -> {
                    assertThat(refused.zone()).isEqualTo("other.test.");
                    assertThat(refused.rcode()).isEqualTo("REFUSED");
                });
    }

    @Test
    void aServerThatIsNotThereIsReportedWithItsAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ZoneClient nowhere = new ZoneClient(bind.names().zone(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort), Bind9.PUBLISHER.tsigKey(),
                Duration.ofSeconds(2));

        assertThatThrownBy(nowhere::serial)
                .isExactlyInstanceOf(DnsException.class)
                .hasMessageStartingWith("DNS server 127.0.0.1:" + closedPort
                        + " did not complete the SOA query of zone tandem.test. within 2 s");
    }
}
