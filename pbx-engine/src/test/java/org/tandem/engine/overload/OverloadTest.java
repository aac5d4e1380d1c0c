package org.tandem.engine.overload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tandem.engine.EngineSettings;
import org.tandem.engine.SipEngine;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sip.SipTestClient;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.sip.SipTestClient.headers;
import static org.tandem.testsupport.sip.SipTestClient.statusCode;

/**
 * A burst of REGISTERs faster than the engine can answer them: with the shedding limit set low, the
 * engine answers every one of them, part at once with 503 and a Retry-After instead of late, and is
 * itself again right after. (The limits a node runs with are measured by bench/register.sh.)
 */
@Timeout(60)
class OverloadTest {

    /** Under the default socket buffers of a Linux box (about 200 KB), so no datagram is lost on the way in. */
    private static final int BURST = 300;

    @Test
    void aBurstIsAnsweredInFullPartlyWith503AndTheEngineRecovers() throws Exception {
        int port = FreePorts.udpAndTcp();
        EngineSettings settings = new EngineSettings("overload", "127.0.0.1", port, EngineSettings.StackTuning.DEFAULT)
                .withLoad(EngineSettings.LoadTuning.DEFAULT.withShedding(new LoadShedding.Settings(
                        Duration.ofMillis(2), Duration.ofSeconds(60), Duration.ofSeconds(5), 5)));
        try (SipEngine engine = new SipEngine(settings);
             DatagramSocket phones = new DatagramSocket(new InetSocketAddress(FreePorts.LOOPBACK, 0))) {
            engine.start();
            phones.setReceiveBufferSize(4 << 20);
            List<String> answers = new ArrayList<>();
            Thread reader = Thread.ofPlatform().start(() -> readUntilQuiet(phones, answers));

            for (int i = 0; i < BURST; i++) {
                byte[] register = SipTestClient.request("REGISTER", "sip:alpha.tandem.test", "UDP", phones.getLocalPort(),
                        "Contact: <sip:" + i + "@127.0.0.1:" + phones.getLocalPort() + ">").getBytes(StandardCharsets.UTF_8);
                phones.send(new DatagramPacket(register, register.length, FreePorts.LOOPBACK, port));
            }
            reader.join(Duration.ofSeconds(30));

            Map<Integer, Integer> byStatus = new TreeMap<>();
            answers.forEach(answer -> byStatus.merge(statusCode(answer), 1, Integer::sum));
            assertThat(answers).as("every REGISTER answered: " + byStatus).hasSize(BURST);
            assertThat(byStatus.keySet()).as("challenged or refused, nothing else").isSubsetOf(401, 503);
            assertThat(byStatus).as("the burst made the engine fall behind").containsKey(503);
            assertThat(answers).filteredOn(answer -> statusCode(answer) == 503).allSatisfy(refused -> {
                assertThat(refused).contains("SIP/2.0 503 Overloaded");
                assertThat(Integer.parseInt(headers(refused, "Retry-After").getFirst().split("[ ;(]")[0])).isBetween(5, 10);
            });

            try (SipTestClient client = new SipTestClient(port)) {
                assertThat(statusCode(client.exchange(client.request("OPTIONS", client.engineUri())))).isEqualTo(200);
                assertThat(statusCode(client.exchange(client.request("REGISTER", "sip:alpha.tandem.test",
                        "Contact: <sip:x@127.0.0.1:" + client.localPort() + ">")))).as("back to challenging").isEqualTo(401);
            }
        }
    }

    /** Collects what arrives until nothing has come for two seconds. */
    private static void readUntilQuiet(DatagramSocket socket, List<String> into) {
        byte[] buffer = new byte[65_535];
        try {
            socket.setSoTimeout(2_000);
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                into.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException quiet) {
            // done
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
