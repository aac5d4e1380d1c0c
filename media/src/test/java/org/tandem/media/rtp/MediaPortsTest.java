package org.tandem.media.rtp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaPortsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void bindsEvenRtpPortsWithRtcpAboveThemUntilTheRangeIsFull() throws IOException {
        // an odd lower bound: the first pair starts on the even port above it
        MediaPorts ports = new MediaPorts(new PortRange(41001, 41006), LOOPBACK);
        List<PortPair> pairs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                pairs.add(ports.open());
            }
            assertThat(pairs).extracting(PortPair::rtpPort).containsExactly(41002, 41004);
            assertThat(((InetSocketAddress) pairs.get(0).rtcp().getLocalAddress()).getPort()).isEqualTo(41003);

            assertThatThrownBy(ports::open).isInstanceOf(PortsExhaustedException.class)
                    .hasMessage("no free RTP/RTCP port pair in 41001-41006 (TANDEM_MEDIA_PORT_MIN/MAX): 2 pairs, "
                            + "2 held by this node's media legs, 0 taken by other processes");
        } finally {
            for (PortPair pair : pairs) {
                pair.close();
            }
        }
        assertThat(ports.heldCount()).isZero();
    }

    @Test
    void aClosedPairIsFreeAgainAndClosingTwiceReleasesOnce() throws IOException {
        MediaPorts ports = new MediaPorts(new PortRange(41010, 41013), LOOPBACK);
        PortPair first = ports.open();
        PortPair second = ports.open();
        first.close();
        first.close();

        assertThat(ports.heldCount()).isEqualTo(1);
        try (PortPair again = ports.open()) {
            assertThat(again.rtpPort()).isEqualTo(41010);
        }
        second.close();
    }

    @Test
    void skipsAPairAnotherProcessHoldsAndSaysSoWhenNoneIsLeft() throws IOException {
        MediaPorts ports = new MediaPorts(new PortRange(41020, 41023), LOOPBACK);
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, 41021));
             PortPair pair = ports.open()) {
            assertThat(pair.rtpPort()).isEqualTo(41022);
            assertThatThrownBy(ports::open).isInstanceOf(PortsExhaustedException.class)
                    .hasMessageEndingWith("2 pairs, 1 held by this node's media legs, 1 taken by other processes");
        }
    }

    @Test
    void rangeComesFromTheSettingsAndRefusesNonsense() {
        Properties settings = new Properties();
        assertThat(PortRange.fromProperties(settings)).isEqualTo(new PortRange(20000, 29999));
        assertThat(PortRange.DEFAULT.pairs()).isEqualTo(5000);

        settings.setProperty(PortRange.MIN_PROPERTY, "30000");
        settings.setProperty(PortRange.MAX_PROPERTY, "30001");
        assertThat(PortRange.fromProperties(settings).pairs()).isEqualTo(1);

        settings.setProperty(PortRange.MAX_PROPERTY, "ten");
        assertThatThrownBy(() -> PortRange.fromProperties(settings))
                .hasMessage("tandem.media.port.max must be a whole number, not 'ten'");
        assertThatThrownBy(() -> new PortRange(30001, 30002))
                .hasMessageContaining("hold no pair of an even RTP port and the odd RTCP port above it");
        assertThatThrownBy(() -> new PortRange(100, 200)).hasMessageContaining("within 1024-65535");
        assertThatThrownBy(() -> new PortRange(30000, 20000)).hasMessageContaining("within 1024-65535");
    }
}
