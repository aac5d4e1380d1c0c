package org.tandem.engine.cluster;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeHopTest {

    private static final byte[] SECRET = "sixteen-bytes-at-least".getBytes(StandardCharsets.UTF_8);
    private static final UUID NODE = UUID.randomUUID();
    private static final Set<UUID> FROM_NODE = Set.of(NODE);
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final NodeHop.SignedCall CALL = new NodeHop.SignedCall("INVITE", "102@acme.example",
            "101@acme.example", "f1", "102@acme.example", "", "abc@node-a", "1 INVITE",
            "sip:127.0.0.2:5060;transport=tcp", "application/sdp", "0f".repeat(32), "127.0.0.2:5060");

    private final NodeHop hop = new NodeHop(SECRET);

    @Test
    void aSignatureNamesItsNodeWithinTheWindowEitherWay() {
        assertThat(hop.window()).isEqualTo(Duration.ofSeconds(5));
        assertThat(hop.verify(hop.sign(NODE, CALL, NOW), CALL, FROM_NODE, NOW.plusSeconds(5)))
                .isEqualTo(new NodeHop.Genuine(NODE));
        assertThat(hop.verify(hop.sign(NODE, CALL, NOW), CALL, FROM_NODE, NOW.minusSeconds(5)))
                .isEqualTo(new NodeHop.Genuine(NODE));
        assertThat(hop.verify(hop.sign(NODE, CALL, NOW), CALL, FROM_NODE, NOW.plusSeconds(6)))
                .isEqualTo(new NodeHop.Refused(NodeHop.Reason.STALE));
        assertThat(hop.verify(hop.sign(NODE, CALL, NOW), CALL, FROM_NODE, NOW.minusSeconds(6)))
                .isEqualTo(new NodeHop.Refused(NodeHop.Reason.STALE));
    }

    @Test
    void itCoversEverythingTheReceivingNodeActsOn() {
        List<UnaryOperator<NodeHop.SignedCall>> changes = List.of(
                c -> new NodeHop.SignedCall("BYE", c.requestUri(), c.from(), c.fromTag(), c.to(), c.toTag(), c.callId(), c.cseq(), c.contact(), c.contentType(), c.bodyDigest(), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), "103@acme.example", c.from(), c.fromTag(), c.to(), c.toTag(), c.callId(), c.cseq(), c.contact(), c.contentType(), c.bodyDigest(), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), c.requestUri(), "666@acme.example", c.fromTag(), c.to(), c.toTag(), c.callId(), c.cseq(), c.contact(), c.contentType(), c.bodyDigest(), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), c.requestUri(), c.from(), "f2", c.to(), c.toTag(), c.callId(), c.cseq(), c.contact(), c.contentType(), c.bodyDigest(), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), c.requestUri(), c.from(), c.fromTag(), "103@acme.example", c.toTag(), c.callId(), c.cseq(), c.contact(), c.contentType(), c.bodyDigest(), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), c.requestUri(), c.from(), c.fromTag(), c.to(), "t9", c.callId(), c.cseq(), c.contact(), c.contentType(), c.bodyDigest(), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), c.requestUri(), c.from(), c.fromTag(), c.to(), c.toTag(), "other@node-a", c.cseq(), c.contact(), c.contentType(), c.bodyDigest(), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), c.requestUri(), c.from(), c.fromTag(), c.to(), c.toTag(), c.callId(), "2 INVITE", c.contact(), c.contentType(), c.bodyDigest(), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), c.requestUri(), c.from(), c.fromTag(), c.to(), c.toTag(), c.callId(), c.cseq(), "sip:192.0.2.9:5060", c.contentType(), c.bodyDigest(), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), c.requestUri(), c.from(), c.fromTag(), c.to(), c.toTag(), c.callId(), c.cseq(), c.contact(), "text/plain", c.bodyDigest(), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), c.requestUri(), c.from(), c.fromTag(), c.to(), c.toTag(), c.callId(), c.cseq(), c.contact(), c.contentType(), "ab".repeat(32), c.sentBy()),
                c -> new NodeHop.SignedCall(c.method(), c.requestUri(), c.from(), c.fromTag(), c.to(), c.toTag(), c.callId(), c.cseq(), c.contact(), c.contentType(), c.bodyDigest(), "127.0.0.9:5060"));
        for (UnaryOperator<NodeHop.SignedCall> change : changes) {
            NodeHop.SignedCall changed = change.apply(CALL);
            assertThat(changed).isNotEqualTo(CALL);
            assertThat(hop.verify(hop.sign(NODE, CALL, NOW), changed, FROM_NODE, NOW)).as(changed.toString())
                    .isEqualTo(new NodeHop.Refused(NodeHop.Reason.ALTERED));
        }
        String value = hop.sign(NODE, CALL, NOW);
        assertThat(hop.verify(value.replace("ts=" + NOW.getEpochSecond(), "ts=" + (NOW.getEpochSecond() + 1)),
                CALL, FROM_NODE, NOW)).isEqualTo(new NodeHop.Refused(NodeHop.Reason.ALTERED));
        String nonce = value.replaceAll(".*nonce=([0-9a-f]{32}).*", "$1");
        assertThat(hop.verify(value.replace(nonce, "0".repeat(32)), CALL, FROM_NODE, NOW))
                .isEqualTo(new NodeHop.Refused(NodeHop.Reason.ALTERED));
    }

    @Test
    void onlyTheSigningNodesAddressMayHandItOver() {
        String value = hop.sign(NODE, CALL, NOW);
        assertThat(hop.verify(value, CALL, Set.of(), NOW)).isEqualTo(new NodeHop.Refused(NodeHop.Reason.NOT_A_MEMBER));
        assertThat(hop.verify(value, CALL, Set.of(UUID.randomUUID()), NOW))
                .as("another member's address").isEqualTo(new NodeHop.Refused(NodeHop.Reason.NOT_A_MEMBER));
        UUID other = UUID.randomUUID();
        assertThat(hop.verify(value.replace(NODE.toString(), other.toString()), CALL, Set.of(other), NOW))
                .as("another node's name on the signature").isEqualTo(new NodeHop.Refused(NodeHop.Reason.ALTERED));
        assertThat(hop.verify(value, CALL, FROM_NODE, NOW)).isEqualTo(new NodeHop.Genuine(NODE));
    }

    @Test
    void eachSignatureIsTakenOnce() {
        String value = hop.sign(NODE, CALL, NOW);
        assertThat(hop.verify(value, CALL, FROM_NODE, NOW)).isEqualTo(new NodeHop.Genuine(NODE));
        assertThat(hop.verify(value, CALL, FROM_NODE, NOW.plusSeconds(1)))
                .isEqualTo(new NodeHop.Refused(NodeHop.Reason.REPLAYED));
        assertThat(hop.verify(value, CALL, FROM_NODE, NOW.plusSeconds(5)))
                .isEqualTo(new NodeHop.Refused(NodeHop.Reason.REPLAYED));
        String again = hop.sign(NODE, CALL, NOW);
        assertThat(again).as("a fresh nonce each time").isNotEqualTo(value);
        assertThat(hop.verify(again, CALL, FROM_NODE, NOW)).isEqualTo(new NodeHop.Genuine(NODE));
    }

    @Test
    void whenTheReplayCacheIsFullOfLiveNoncesNewHandOversWaitUntilTheyExpire() {
        NodeHop small = new NodeHop(SECRET, Duration.ofSeconds(5), 2);
        assertThat(small.verify(small.sign(NODE, CALL, NOW), CALL, FROM_NODE, NOW)).isInstanceOf(NodeHop.Genuine.class);
        assertThat(small.verify(small.sign(NODE, CALL, NOW), CALL, FROM_NODE, NOW)).isInstanceOf(NodeHop.Genuine.class);
        // a signature of NOW is good until NOW + 5 s in whole seconds, that is before NOW + 6 s: kept 11 s
        assertThat(small.verify(small.sign(NODE, CALL, NOW.plusSeconds(10)), CALL, FROM_NODE, NOW.plusSeconds(10)))
                .isEqualTo(new NodeHop.Refused(NodeHop.Reason.TOO_MANY));
        String late = small.sign(NODE, CALL, NOW.plusSeconds(11));
        assertThat(small.verify(late, CALL, FROM_NODE, NOW.plusSeconds(11)))
                .as("the first two kept twice the window and a second, then forgotten").isEqualTo(new NodeHop.Genuine(NODE));
    }

    @Test
    void anotherSecretOrGarbageIsRefused() {
        NodeHop other = new NodeHop("another-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(hop.verify(other.sign(NODE, CALL, NOW), CALL, FROM_NODE, NOW))
                .isEqualTo(new NodeHop.Refused(NodeHop.Reason.ALTERED));
        assertThat(hop.verify("node=x;ts=1;sig=00", CALL, FROM_NODE, NOW))
                .isEqualTo(new NodeHop.Refused(NodeHop.Reason.MALFORMED));
        assertThat(hop.verify("node=" + NODE + ";ts=" + NOW.getEpochSecond() + ";sig=" + "0".repeat(64), CALL, FROM_NODE, NOW))
                .as("the old form, without a nonce").isEqualTo(new NodeHop.Refused(NodeHop.Reason.MALFORMED));
        assertThat(hop.verify(null, CALL, FROM_NODE, NOW)).isEqualTo(new NodeHop.Refused(NodeHop.Reason.MALFORMED));
    }

    @Test
    void aShortSecretOrAnEmptyWindowOrCacheIsRefusedAtStart() {
        assertThatThrownBy(() -> new NodeHop("short".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> new NodeHop(SECRET, Duration.ZERO, 10)).hasMessageContaining("window");
        assertThatThrownBy(() -> new NodeHop(SECRET, Duration.ofSeconds(5), 0)).hasMessageContaining("capacity");
    }
}
