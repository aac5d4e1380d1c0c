package org.tandem.engine.auth;

import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.throttle.FailureThrottle;
import org.tandem.engine.sip.Replies;

import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one digest authentication of SIP requests (RFC 3261 22, RFC 2617, RFC 7616/8760), for REGISTER
 * and for calls alike; what differs is the {@link Role}. In this order:
 * <ol>
 * <li>an address that flooded us with failed authentications gets no answer at all;</li>
 * <li>the Request-URI's domain picks the tenant and is the realm; one that cannot be a tenant's
 * domain gets 404;</li>
 * <li>no credentials: a challenge with a stateless nonce, in the algorithms the domain's tenant chose
 * (the default for a domain no tenant has), so an unauthenticated peer learns nothing else;</li>
 * <li>credentials: incomplete ones, or made for another server's URI, are 400;</li>
 * <li>a nonce this node did not issue to that address (made up, another node's, from before a
 * restart): a new challenge, the password not even checked, so such a request is neither a free guess
 * nor a failure counted against an address that over UDP may be forged to silence its owner;</li>
 * <li>the digest user must be the To (REGISTER) or From (other requests) user, the realm and that
 * address's domain the Request-URI's domain, the algorithm one the tenant offers, and the response
 * must match the stored hash; a failure is 403 and counts against the address;</li>
 * <li>right credentials on an expired or replayed nonce: a new challenge with {@code stale=true};</li>
 * <li>suspended tenant: 403.</li>
 * </ol>
 * Steps 1-3 ({@link #screen}) change nothing; a caller that needs a server transaction before the
 * nonce count is used (so that a retransmission is not taken for a replay) makes it between
 * {@link #screen} and {@link #verify}.
 */
public final class DigestAuthentication {

    /** Who asks for the credentials: the differences between REGISTER and every other request. */
    public enum Role {
        /** RFC 3261 22.2: 401 with WWW-Authenticate, answered in Authorization, for the To address. */
        REGISTRAR(Response.UNAUTHORIZED, AuthorizationHeader.NAME, ToHeader.NAME),
        /** RFC 3261 22.3: 407 with Proxy-Authenticate, answered in Proxy-Authorization, for the From address. */
        PROXY(Response.PROXY_AUTHENTICATION_REQUIRED, ProxyAuthorizationHeader.NAME, FromHeader.NAME);

        private final int challengeStatus;
        private final String credentialsHeader;
        private final String userHeader;

        Role(int challengeStatus, String credentialsHeader, String userHeader) {
            this.challengeStatus = challengeStatus;
            this.credentialsHeader = credentialsHeader;
            this.userHeader = userHeader;
        }
    }

    /** What {@link #screen} found. */
    public sealed interface Screening permits Dropped, Answer, Claim {
    }

    /** What {@link #verify} found. */
    public sealed interface Verdict permits Answer, Authenticated {
    }

    /** What {@link #check} found. */
    public sealed interface Outcome permits Dropped, Answer, Authenticated {
    }

    /** The sender flooded us with failed authentications: no answer at all, cheapest under a flood. */
    public record Dropped() implements Screening, Outcome {
    }

    /** The request is answered with {@code response} (a challenge or a refusal) and goes no further. */
    public record Answer(Response response) implements Screening, Verdict, Outcome {
    }

    /** Credentials for {@code account} (user@domain) in {@code domain}, not yet checked. */
    public record Claim(SipDomain domain, DigestCredentials credentials, String account) implements Screening {
    }

    public record Authenticated(SipAccount account, SipDomain domain) implements Verdict, Outcome {
    }

    private final Role role;
    private final Replies replies;
    private final AddressFactory addresses;
    private final SipAccounts accounts;
    private final FailureThrottle throttle;
    private final Set<String> nodeHosts;
    private final NonceService nonces;
    private final DigestChallenge challenges;
    private final DigestVerifier verifier = new DigestVerifier();

    /**
     * @param throttle  the failed authentications, counted together for every role
     * @param nodeHosts the host names and addresses of this node, which a digest URI may name
     */
    public DigestAuthentication(Role role, Replies replies, AddressFactory addresses, SipAccounts accounts,
                                FailureThrottle throttle, Set<String> nodeHosts, InstantSource clock) {
        this.role = Objects.requireNonNull(role, "role");
        this.replies = replies;
        this.addresses = addresses;
        this.accounts = accounts;
        this.throttle = throttle;
        this.nodeHosts = nodeHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.nonces = new NonceService(clock);
        this.challenges = new DigestChallenge(replies.headers());
    }

    /** Screens and, if credentials came, verifies at once. */
    public Outcome check(Request request, Flow source) {
        return switch (screen(request, source)) {
            case Dropped dropped -> dropped;
            case Answer answer -> answer;
            case Claim claim -> switch (verify(request, source, claim)) {
                case Answer answer -> answer;
                case Authenticated authenticated -> authenticated;
            };
        };
    }

    /** Steps 1-3: looks nothing up but the domain's digest choice, and changes nothing. */
    public Screening screen(Request request, Flow source) {
        if (throttle.isBlocked(source.address())) {
            return new Dropped();
        }
        Optional<SipDomain> domain = domainOf(request.getRequestURI());
        if (domain.isEmpty()) {
            return new Answer(replies.create(request, Response.NOT_FOUND, "Domain Not Served"));
        }
        String realm = domain.get().name();
        Optional<DigestCredentials> credentials = DigestCredentials.in(request, realm, role.credentialsHeader);
        if (credentials.isEmpty()) {
            return new Answer(challenge(request, domain.get(), source, false));
        }
        String account = credentials.get().username() + "@" + realm;
        if (throttle.isBlocked(source.address(), account)) {
            return new Dropped();
        }
        return new Claim(domain.get(), credentials.get(), account);
    }

    /** Steps 4-8, for what {@link #screen} claimed; may read the account from storage. */
    public Verdict verify(Request request, Flow source, Claim claim) {
        DigestCredentials credentials = claim.credentials();
        SipDomain domain = claim.domain();
        String header = role.credentialsHeader;
        if (!credentials.isComplete()) {
            return new Answer(replies.create(request, Response.BAD_REQUEST, "Incomplete " + header));
        }
        // RFC 7616 3.4.6: a request-uri that names another resource is a bad request, not a wrong password
        if (!credentials.isFor(request.getRequestURI(), domain.name(), nodeHosts, addresses)) {
            return new Answer(replies.create(request, Response.BAD_REQUEST, header + " URI Names Another Server"));
        }
        NonceService.Freshness nonce = nonces.check(credentials.nonce(), domain.name(), source.address());
        if (nonce == NonceService.Freshness.UNKNOWN) {
            // Not issued here to this address: made up, another node's, or from before a restart. The
            // password is not even checked: right or wrong, the answer is the same fresh challenge, so a
            // made-up nonce is neither a free guess (a stale=true would mark the right password) nor a
            // failure counted against an address that may be forged
            return new Answer(challenge(request, domain, source, false));
        }
        Optional<SipAccount> account = authenticate(request, domain, credentials);
        if (account.isEmpty()) {
            throttle.recordFailure(source.address(), claim.account());
            return new Answer(replies.create(request, Response.FORBIDDEN));
        }
        if (nonce != NonceService.Freshness.FRESH
                || !nonces.acceptCount(credentials.nonce(), credentials.nonceCountValue())) {
            return new Answer(challenge(request, domain, source, true));
        }
        if (!account.get().tenantActive()) {
            return new Answer(replies.create(request, Response.FORBIDDEN, "Tenant Suspended"));
        }
        return new Authenticated(account.get(), domain);
    }

    /** Whether every request from {@code address} is to be dropped (step 1). */
    public boolean isBlocked(String address) {
        return throttle.isBlocked(address);
    }

    /** Counts a failed proof of another kind (a call handed over with a bad signature) with the digest failures. */
    public void recordFailure(String address, String what) {
        throttle.recordFailure(address, what);
    }

    /**
     * The account the credentials prove, if they do. Tenants are sealed here: the digest user must be
     * the To (or From) address's user, the realm and that address's domain the Request-URI's domain,
     * and the account is looked up in that domain only.
     */
    private Optional<SipAccount> authenticate(Request request, SipDomain domain, DigestCredentials credentials) {
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.named(credentials.algorithm());
        URI user = ((HeaderAddress) request.getHeader(role.userHeader)).getAddress().getURI();
        if (algorithm.isEmpty()
                || !domain.name().equalsIgnoreCase(credentials.realm())
                || !(user instanceof SipURI userUri)
                || !credentials.username().equals(userUri.getUser())
                || !domain.name().equalsIgnoreCase(userUri.getHost())) {
            return Optional.empty();
        }
        return accounts.find(domain, credentials.username())
                .filter(account -> DigestAlgorithm.of(account.digest()).contains(algorithm.get()))
                .filter(account -> verifier.responseMatches(credentials, algorithm.get(), account.credentials(),
                        request.getMethod()));
    }

    private Response challenge(Request request, SipDomain domain, Flow source, boolean stale) {
        Response challenge = replies.create(request, role.challengeStatus);
        List<DigestAlgorithm> offered = DigestAlgorithm.of(accounts.digestOf(domain));
        challenges.headers(offered, domain.name(), nonces.issue(domain.name(), source.address()), stale,
                role == Role.PROXY).forEach(challenge::addHeader);
        return challenge;
    }

    /** The tenant domain a Request-URI names, if it can name one. */
    public static Optional<SipDomain> domainOf(URI requestUri) {
        try {
            return requestUri instanceof SipURI sip ? Optional.of(new SipDomain(sip.getHost())) : Optional.empty();
        } catch (IllegalArgumentException notADomainName) {
            return Optional.empty();
        }
    }
}
