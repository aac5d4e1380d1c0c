package org.tandem.engine.registrar;

import gov.nist.javax.sip.header.Contact;
import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.BindingChange;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;
import org.tandem.engine.failure.DatabaseFailure;
import org.tandem.engine.services.EngineServices;
import org.tandem.engine.auth.DigestAuthentication;
import org.tandem.engine.location.NodeBindings;
import org.tandem.engine.sip.Replies;
import org.tandem.engine.sip.SourceFlow;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.lang.System.Logger.Level;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Handles REGISTER for every tenant's SIP domain (RFC 3261 10.3): first the digest authentication
 * every request goes through ({@link DigestAuthentication}, as a registrar: 401, To), then, for an
 * authenticated phone, the bindings: query, removal ({@code Expires: 0}, {@code *}), refresh or new
 * binding, with 423 for a too short expiry, 500 for an out-of-order CSeq and 403 past the contact limit.
 * Answers that change nothing are sent statelessly; once credentials came the request has a server
 * transaction, so a retransmission gets the same answer and is not mistaken for a replay.
 */
public final class Registrar {

    private static final System.Logger LOG = System.getLogger(Registrar.class.getName());
    private static final long STORAGE_WARNING_INTERVAL_MILLIS = 10_000;

    private final Replies replies;
    private final AddressFactory addresses;
    private final EngineServices services;
    private final DigestAuthentication authentication;
    private final AddressLocks locks = new AddressLocks(1024);
    private final AtomicLong lastStorageWarning = new AtomicLong(Long.MIN_VALUE);

    /** @param authentication in the {@link DigestAuthentication.Role#REGISTRAR} role */
    public Registrar(Replies replies, AddressFactory addresses, EngineServices services,
                     DigestAuthentication authentication) {
        this.replies = replies;
        this.addresses = addresses;
        this.services = services;
        this.authentication = authentication;
    }

    public void register(RequestEvent event) {
        Request request = event.getRequest();
        Flow source = SourceFlow.of(event);
        DigestAuthentication.Screening screening;
        try {
            screening = authentication.screen(request, source);
        } catch (RuntimeException storageFailure) {
            // the tenant's digest choice could not be read: the phone retries later or elsewhere
            replies.sendStateless(event, unavailable(request, storageFailure));
            return;
        }
        DigestAuthentication.Claim claim;
        switch (screening) {
            case DigestAuthentication.Dropped dropped -> {
                return;
            }
            case DigestAuthentication.Answer answer -> {
                replies.sendStateless(event, answer.response());
                return;
            }
            case DigestAuthentication.Claim claimed -> claim = claimed;
        }
        Optional<ServerTransaction> transaction = replies.serverTransaction(event);
        if (transaction.isEmpty()) {
            return; // a retransmission of a REGISTER still being handled: the stack will answer it
        }
        replies.send(transaction.get(), answer(request, source, claim));
    }

    private Response answer(Request request, Flow source, DigestAuthentication.Claim claim) {
        try {
            return switch (authentication.verify(request, source, claim)) {
                case DigestAuthentication.Authenticated authenticated ->
                        authenticatedRegister(request, authenticated, source);
                case DigestAuthentication.Answer answer -> answer.response();
            };
        } catch (RejectedRegister rejected) {
            return replies.create(request, rejected.status(), rejected.reason());
        } catch (RuntimeException storageFailure) {
            return unavailable(request, storageFailure);
        }
    }

    /** The database is out of reach: the phone retries later or goes to the pool's other node. */
    private Response unavailable(Request request, RuntimeException storageFailure) {
        warnAboutStorage(storageFailure);
        return replies.unavailable(request, Replies.STORAGE_RETRY_AFTER_SECONDS);
    }

    private Response authenticatedRegister(Request request, DigestAuthentication.Authenticated authenticated,
                                           Flow source) {
        SipAccount account = authenticated.account();
        RegisterRequest register = RegisterRequest.of(request, source);
        AddressOfRecord aor = new AddressOfRecord(account.tenantId(), account.number());
        Instant now = services.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        if (register.isQuery()) {
            return ok(request, services.registrations().active(services.nodeId(), aor, now), now);
        }
        if (BindingRules.isTooBrief(register)) {
            Response tooBrief = replies.create(request, Response.INTERVAL_TOO_BRIEF);
            addHeader(tooBrief, () -> replies.headers().createMinExpiresHeader((int) BindingRules.MIN_EXPIRES));
            return tooBrief;
        }

        BindingDecision decision = applied(register, aor, account.maxContacts(), now);
        return switch (decision) {
            case BindingDecision.Accepted accepted -> ok(request, accepted.bindings(), now);
            // RFC 3261 10.3 step 7 says the request fails; 500 as for an out-of-order in-dialog request (12.2.2)
            case BindingDecision.OutOfOrder outOfOrder -> replies.create(request, Response.SERVER_INTERNAL_ERROR,
                    "CSeq Out Of Order");
            case BindingDecision.TooManyContacts tooMany -> tooManyContacts(request, authenticated.domain().name(),
                    tooMany.limit());
        };
    }

    /** Reads, decides and writes under the address's lock, so concurrent REGISTERs cannot interleave. */
    private BindingDecision applied(RegisterRequest register, AddressOfRecord aor, int maxContacts, Instant now) {
        synchronized (locks.of(aor)) {
            List<Registration> current = services.registrations().active(services.nodeId(), aor, now);
            BindingDecision decision = BindingRules.decide(current, register, services.nodeId(), aor, maxContacts, now);
            if (decision instanceof BindingDecision.Accepted accepted) {
                List<BindingChange> changes = new ArrayList<>();
                accepted.removals().forEach(contact ->
                        changes.add(new BindingChange.Removed(services.nodeId(), aor, contact)));
                accepted.saves().forEach(binding -> changes.add(new BindingChange.Saved(binding)));
                services.registrations().apply(changes);
            }
            return decision;
        }
    }

    /** 200 listing every binding the address now has here, each with its remaining time (RFC 3261 10.3 step 8). */
    private Response ok(Request request, List<Registration> bindings, Instant now) {
        Response ok = replies.create(request, Response.OK);
        HeaderFactory headers = replies.headers();
        for (Registration binding : bindings) {
            addHeader(ok, () -> {
                ContactHeader contact = headers.createContactHeader(
                        addresses.createAddress(addresses.createURI(binding.contactUri())));
                contact.setExpires((int) binding.secondsLeftAt(now));
                if (binding.instanceId() != null) {
                    // echoed as it came (RFC 5626 6): a quoted string, which only the stack's own class can set
                    ((Contact) contact).setQuotedParameter("+sip.instance", binding.instanceId());
                }
                return contact;
            });
        }
        addHeader(ok, () -> headers.createDateHeader(GregorianCalendar.from(now.atZone(ZoneOffset.UTC))));
        return ok;
    }

    /**
     * 403, not Kamailio's 503: a 503 sends the phone to the pool's other node, which counts only its
     * own bindings and would take it, splitting the extension's phones across nodes. A person has to
     * unregister a phone or raise the limit; the reason phrase and a Warning say which limit.
     */
    private Response tooManyContacts(Request request, String realm, int limit) {
        Response forbidden = replies.create(request, Response.FORBIDDEN, "Too Many Contacts");
        addHeader(forbidden, () -> replies.headers().createWarningHeader(realm, 399,
                "Contact limit of " + limit + " reached for this extension"));
        return forbidden;
    }

    private interface HeaderMaker {
        Header make() throws ParseException, InvalidArgumentException;
    }

    private static void addHeader(Response response, HeaderMaker maker) {
        try {
            response.addHeader(maker.make());
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build a header of " + response.getStatusCode(), e);
        }
    }

    /**
     * A database that cannot be reached, or that falls behind this node's binding changes, is an
     * operational event: one WARN line, at most every 10 s, without a stack trace. Anything else
     * is a bug and is logged as one.
     */
    private void warnAboutStorage(RuntimeException failure) {
        if (!(failure instanceof NodeBindings.BindingsBacklogged) && !DatabaseFailure.isDatabase(failure)) {
            LOG.log(Level.ERROR, "REGISTER answered 503 after an unexpected failure", failure);
            return;
        }
        long now = System.currentTimeMillis();
        long last = lastStorageWarning.get();
        if (now - last >= STORAGE_WARNING_INTERVAL_MILLIS && lastStorageWarning.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, "REGISTER answered 503 (retry in " + Replies.STORAGE_RETRY_AFTER_SECONDS
                    + " s): the database failed: " + DatabaseFailure.describe(failure)
                    + " (this warning repeats at most every 10 s)");
        }
    }
}
