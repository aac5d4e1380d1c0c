package org.tandem.engine.call;

import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.engine.auth.DigestAuthentication;
import org.tandem.engine.cluster.ClusterPeers;
import org.tandem.engine.cluster.HandOverCheck;
import org.tandem.engine.cluster.NodeHop;
import org.tandem.engine.sip.Replies;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ExtensionHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: a new INVITE must prove it comes from the extension in its From header, in the
 * tenant whose domain its Request-URI names, through the engine's one digest authentication in the
 * proxy role (407, Proxy-Authorization, From; {@link DigestAuthentication}), whose failures count
 * in the same throttle as the registrar's, so a password cannot be guessed through INVITEs instead.
 * <p>
 * A call another node of the cluster hands over (its callee's phone registered here) carries that
 * node's signature instead ({@link HandOverCheck}, {@link NodeHop}): over TCP from that node's SIP
 * address, signed over all of the request this node acts on, fresh and not seen before, and the From
 * names an extension of an active tenant. A bad one is 403 and counts in the throttle like a wrong
 * password; more than the replay cache holds is 503.
 */
final class CallerAuthentication {

    /** What the check found: the authenticated caller, or the answer that refuses the INVITE. */
    sealed interface Outcome permits Caller, Refused, Dropped {
    }

    /** The sender flooded us with failed authentications: no answer at all, as the registrar does. */
    record Dropped() implements Outcome {
    }

    /** @param handedOverBy the node that handed the call over and authenticated it; null: a phone, authenticated here */
    record Caller(SipAccount account, SipDomain domain, UUID handedOverBy) implements Outcome {

        boolean handedOver() {
            return handedOverBy != null;
        }
    }

    record Refused(Response response) implements Outcome {
    }

    private final Replies replies;
    private final SipAccounts accounts;
    private final DigestAuthentication authentication;
    private final ClusterPeers peers;
    private final HandOverCheck handOvers;

    /** @param authentication in the {@link DigestAuthentication.Role#PROXY} role */
    CallerAuthentication(Replies replies, SipAccounts accounts, DigestAuthentication authentication,
                         InstantSource clock, ClusterPeers peers, UUID nodeId) {
        this.replies = replies;
        this.accounts = accounts;
        this.authentication = authentication;
        this.peers = peers;
        this.handOvers = new HandOverCheck(peers, nodeId, clock);
    }

    Outcome check(Request request, Flow source) {
        Header hop = request.getHeader(NodeHop.HEADER);
        if (hop == null) {
            return switch (authentication.check(request, source)) {
                case DigestAuthentication.Dropped dropped -> new Dropped();
                case DigestAuthentication.Answer answer -> new Refused(answer.response());
                case DigestAuthentication.Authenticated caller -> new Caller(caller.account(), caller.domain(), null);
            };
        }
        if (authentication.isBlocked(source.address())) {
            return new Dropped();
        }
        Optional<SipDomain> domain = DigestAuthentication.domainOf(request.getRequestURI());
        if (domain.isEmpty()) {
            return new Refused(replies.create(request, Response.NOT_FOUND, "Domain Not Served"));
        }
        return handedOver(request, ((ExtensionHeader) hop).getValue(), domain.get(), source);
    }

    private Outcome handedOver(Request request, String signature, SipDomain domain, Flow source) {
        URI from = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI();
        NodeHop.Verdict verdict = handOvers.check(request, signature, source);
        if (verdict instanceof NodeHop.Refused(NodeHop.Reason reason) && reason == NodeHop.Reason.TOO_MANY) {
            return new Refused(replies.unavailable(request, (int) peers.hop().orElseThrow().window().toSeconds()));
        }
        Optional<SipAccount> account = Optional.empty();
        UUID node = verdict instanceof NodeHop.Genuine(UUID genuine) ? genuine : null;
        if (node != null && from instanceof SipURI fromUri
                && domain.name().equalsIgnoreCase(fromUri.getHost())) {
            account = accounts.find(domain, fromUri.getUser());
        }
        if (account.isEmpty()) {
            // counted only over TCP: a datagram's source address may be forged to get a phone or a peer
            // node blocked
            if (source.transport().equalsIgnoreCase("tcp")) {
                authentication.recordFailure(source.address(), NodeHop.HEADER);
            }
            return new Refused(replies.create(request, Response.FORBIDDEN, "Not Signed By A Cluster Node"));
        }
        if (!account.get().tenantActive()) {
            return new Refused(replies.create(request, Response.FORBIDDEN, "Tenant Suspended"));
        }
        return new Caller(account.get(), domain, node);
    }
}
