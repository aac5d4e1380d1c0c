package org.tandem.engine.cluster;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeHopTest {

    private static final NodeHop HOP = new NodeHop("sixteen-bytes-at-least".getBytes(StandardCharsets.UTF_8));
    private static final UUID NODE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final NodeHop.SignedCall CALL = new NodeHop.SignedCall("INVITE", "102@acme.example",
            "101@acme.example", "abc@node-a");

    @Test
    void aSignatureNamesItsNodeWhileFresh() {
        String value = HOP.sign(NODE, CALL, NOW);
        assertThat(HOP.verify(value, CALL, NOW.plusSeconds(30))).contains(NODE);
        assertThat(HOP.verify(value, CALL, NOW.minusSeconds(30))).contains(NODE);
        assertThat(HOP.verify(value, CALL, NOW.plusSeconds(31))).isEmpty();
    }

    @Test
    void itCoversEveryPartOfTheCallAndTheNode() {
        String value = HOP.sign(NODE, CALL, NOW);
        assertThat(HOP.verify(value, new NodeHop.SignedCall("INVITE", "103@acme.example", CALL.from(), CALL.callId()), NOW)).isEmpty();
        assertThat(HOP.verify(value, new NodeHop.SignedCall("INVITE", CALL.requestUri(), "666@acme.example", CALL.callId()), NOW)).isEmpty();
        assertThat(HOP.verify(value, new NodeHop.SignedCall("INVITE", CALL.requestUri(), CALL.from(), "other@node-a"), NOW)).isEmpty();
        assertThat(HOP.verify(value.replace(NODE.toString(), UUID.randomUUID().toString()), CALL, NOW)).isEmpty();
        assertThat(HOP.verify(value.replace("ts=" + NOW.getEpochSecond(), "ts=" + (NOW.getEpochSecond() + 1)), CALL, NOW)).isEmpty();
    }

    @Test
    void anotherSecretOrGarbageIsRefused() {
        NodeHop other = new NodeHop("another-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(HOP.verify(other.sign(NODE, CALL, NOW), CALL, NOW)).isEmpty();
        assertThat(HOP.verify("node=x;ts=1;sig=00", CALL, NOW)).isEmpty();
        assertThat(HOP.verify(null, CALL, NOW)).isEmpty();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new NodeHop("short".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("at least 16 bytes");
    }
}
