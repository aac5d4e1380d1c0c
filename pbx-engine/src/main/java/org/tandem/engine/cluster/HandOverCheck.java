package org.tandem.engine.cluster;

import org.tandem.domain.registration.Flow;

import javax.sip.message.Request;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whether this node takes a call another node hands it: over TCP (a connection's source cannot be
 * forged the way a datagram's can) from the SIP address of a member node other than this one, then
 * the signature by {@link NodeHop}'s rule. Each refusal is logged, once a minute at most per source.
 */
public final class HandOverCheck {

    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final int LOGGED_SOURCES = 10_000;
    private static final System.Logger LOG = System.getLogger(HandOverCheck.class.getName());

    private final ClusterPeers peers;
    private final UUID self;
    private final InstantSource clock;
    private final MemberAddresses members;
    private final Map<String, Instant> lastLogged = new LinkedHashMap<>();

    public HandOverCheck(ClusterPeers peers, UUID self, InstantSource clock) {
        this.peers = peers;
        this.self = self;
        this.clock = clock;
        this.members = new MemberAddresses(peers.nodes());
        if (peers.hop().isPresent()) {
            // read while the node starts, its database up: a node whose database dies before the first
            // hand-over still knows its members then, and rings its phones for them from memory
            members.prime();
        }
    }

    /** The verdict on {@code request}, which carries {@code signature} in {@value NodeHop#HEADER}, from {@code source}. */
    public NodeHop.Verdict check(Request request, String signature, Flow source) {
        Instant now = clock.instant();
        NodeHop.Verdict verdict;
        if (peers.hop().isEmpty()) {
            verdict = new NodeHop.Refused(NodeHop.Reason.NOT_IN_A_CLUSTER);
        } else if (!source.transport().equals("tcp")) {
            verdict = new NodeHop.Refused(NodeHop.Reason.NOT_OVER_TCP);
        } else {
            Set<UUID> nodes = new HashSet<>(members.nodesAt(source.address(), now));
            nodes.remove(self);
            verdict = peers.hop().get().verify(signature, NodeHop.SignedCall.of(request), nodes, now);
        }
        if (verdict instanceof NodeHop.Refused refused) {
            logRefusal(source, refused.reason(), now);
        }
        return verdict;
    }

    private void logRefusal(Flow source, NodeHop.Reason reason, Instant now) {
        synchronized (lastLogged) {
            Instant last = lastLogged.get(source.address());
            if (last != null && last.plus(LOG_EVERY).isAfter(now)) {
                return;
            }
            lastLogged.remove(source.address()); // re-inserted last: the map stays in order of logging
            lastLogged.put(source.address(), now);
            Iterator<String> oldest = lastLogged.keySet().iterator();
            while (lastLogged.size() > LOGGED_SOURCES) {
                oldest.next();
                oldest.remove();
            }
        }
        LOG.log(System.Logger.Level.WARNING, "hand-over refused from " + source + ": " + reason
                + " (further refusals from " + source.address() + " are not logged for "
                + LOG_EVERY.toSeconds() + " s)");
    }
}
