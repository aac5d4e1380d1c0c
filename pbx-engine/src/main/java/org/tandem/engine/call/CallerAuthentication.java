package org.tandem.engine.call;

import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.engine.auth.AuthThrottle;
import org.tandem.engine.auth.DigestAlgorithm;
import org.tandem.engine.auth.DigestChallenge;
import org.tandem.engine.auth.DigestCredentials;
import org.tandem.engine.auth.DigestVerifier;
import org.tandem.engine.auth.NonceService;
import org.tandem.engine.cluster.ClusterPeers;
import org.tandem.engine.cluster.HandOverCheck;
import org.tandem.engine.cluster.NodeHop;
import org.tandem.engine.sip.Replies;

import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ExtensionHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: a new INVITE must prove it comes from the extension in its From header, in the
 * tenant whose domain its Request-URI names (the digest realm; the From domain must be the same), with
 * the same stateless nonces, algorithms and nonce-count replay check as the registrar, answered in
 * a Proxy-Authorization header (407, RFC 3261 22.3). Without credentials nothing is looked up, so an
 * unauthenticated peer learns nothing; any mismatch or wrong password is the same 403 and counts
 * in the throttle the registrar uses, so a password cannot be guessed through INVITEs instead.
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

    /** @param handedOver authenticated by the node that handed the call over, not here */
    record Caller(SipAccount account, SipDomain domain, boolean handedOver) implements Outcome {
    }

    record Refused(Response response) implements Outcome {
    }

    private final Replies replies;
    private final AddressFactory addresses;
    private final SipAccounts accounts;
    private final List<DigestAlgorithm> algorithms;
    private final NonceService nonces;
    private final DigestChallenge challenges;
    private final DigestVerifier verifier = new DigestVerifier();
    private final AuthThrottle throttle;
    private final ClusterPeers peers;
    private final HandOverCheck handOvers;

    CallerAuthentication(Replies replies, AddressFactory addresses, SipAccounts accounts,
                         List<DigestAlgorithm> algorithms, AuthThrottle throttle, InstantSource clock,
                         ClusterPeers peers, UUID nodeId) {
        this.replies = replies;
        this.peers = peers;
        this.handOvers = new HandOverCheck(peers, nodeId, clock);
        this.throttle = throttle;
        this.addresses = addresses;
        this.accounts = accounts;
        this.algorithms = List.copyOf(algorithms);
        this.nonces = new NonceService(clock);
        this.challenges = new DigestChallenge(replies.headers(), algorithms);
    }

    Outcome check(Request request, Flow source) {
        if (throttle.isBlocked(source.address())) {
            return new Dropped();
        }
        Optional<SipDomain> domain = domainOf(request.getRequestURI());
        if (domain.isEmpty()) {
            return new Refused(replies.create(request, Response.NOT_FOUND, "Domain Not Served"));
        }
        Header hop = request.getHeader(NodeHop.HEADER);
        if (hop != null) {
            return handedOver(request, ((ExtensionHeader) hop).getValue(), domain.get(), source);
        }
        String realm = domain.get().name();
        Optional<DigestCredentials> credentials = DigestCredentials.inProxyAuthorization(request, realm);
        if (credentials.isEmpty()) {
            return new Refused(challenge(request, realm, source, false));
        }
        DigestCredentials digest = credentials.get();
        String claimedExtension = digest.username() + "@" + realm;
        if (throttle.isBlocked(source.address(), claimedExtension)) {
            return new Dropped();
        }
        if (!digest.isComplete() || !digest.isFor(request.getRequestURI(), addresses)) {
            return new Refused(replies.create(request, Response.BAD_REQUEST, "Bad Proxy-Authorization"));
        }
        Optional<SipAccount> account = authenticate(request, domain.get(), digest);
        if (account.isEmpty()) {
            throttle.recordFailure(source.address(), claimedExtension);
            return new Refused(replies.create(request, Response.FORBIDDEN));
        }
        if (nonces.check(digest.nonce(), realm, source.address()) != NonceService.Freshness.FRESH
                || !nonces.acceptCount(digest.nonce(), digest.nonceCountValue())) {
            return new Refused(challenge(request, realm, source, true));
        }
        if (!account.get().tenantActive()) {
            return new Refused(replies.create(request, Response.FORBIDDEN, "Tenant Suspended"));
        }
        return new Caller(account.get(), domain.get(), false);
    }

    private Outcome handedOver(Request request, String signature, SipDomain domain, Flow source) {
        URI from = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI();
        NodeHop.Verdict verdict = handOvers.check(request, signature, source);
        if (verdict instanceof NodeHop.Refused(NodeHop.Reason reason) && reason == NodeHop.Reason.TOO_MANY) {
            return new Refused(replies.unavailable(request, (int) peers.hop().orElseThrow().window().toSeconds()));
        }
        Optional<SipAccount> account = Optional.empty();
        if (verdict instanceof NodeHop.Genuine && from instanceof SipURI fromUri
                && domain.name().equalsIgnoreCase(fromUri.getHost())) {
            account = accounts.find(domain, fromUri.getUser());
        }
        if (account.isEmpty()) {
            throttle.recordFailure(source.address(), NodeHop.HEADER);
            return new Refused(replies.create(request, Response.FORBIDDEN, "Not Signed By A Cluster Node"));
        }
        if (!account.get().tenantActive()) {
            return new Refused(replies.create(request, Response.FORBIDDEN, "Tenant Suspended"));
        }
        return new Caller(account.get(), domain, true);
    }

    /** Tenants sealed: the digest user is the From user, realm and From domain are the Request-URI's domain. */
    private Optional<SipAccount> authenticate(Request request, SipDomain domain, DigestCredentials credentials) {
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.named(credentials.algorithm())
                .filter(algorithms::contains);
        URI from = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI();
        if (algorithm.isEmpty()
                || !domain.name().equalsIgnoreCase(credentials.realm())
                || !(from instanceof SipURI fromUri)
                || !credentials.username().equals(fromUri.getUser())
                || !domain.name().equalsIgnoreCase(fromUri.getHost())) {
            return Optional.empty();
        }
        return accounts.find(domain, credentials.username())
                .filter(account -> verifier.responseMatches(credentials, algorithm.get(), account.credentials(),
                        request.getMethod()));
    }

    private Response challenge(Request request, String realm, Flow source, boolean stale) {
        Response required = replies.create(request, Response.PROXY_AUTHENTICATION_REQUIRED);
        challenges.proxyHeaders(realm, nonces.issue(realm, source.address()), stale).forEach(required::addHeader);
        return required;
    }

    static Optional<SipDomain> domainOf(URI requestUri) {
        try {
            return requestUri instanceof SipURI sip ? Optional.of(new SipDomain(sip.getHost())) : Optional.empty();
        } catch (IllegalArgumentException notADomainName) {
            return Optional.empty();
        }
    }
}
