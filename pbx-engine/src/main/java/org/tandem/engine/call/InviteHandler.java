package org.tandem.engine.call;

import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.ringgroup.RingGroup;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.engine.call.sessiontimer.SessionTimerDecision;
import org.tandem.engine.call.sessiontimer.SessionTimerRules;
import org.tandem.engine.services.EngineServices;
import org.tandem.engine.sip.SourceFlow;
import org.tandem.engine.sip.Replies;
import org.tandem.engine.voicemail.Voicemail;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A new call (an INVITE without a To tag), read top to bottom like Kamailio's route for one:
 * <ol>
 * <li>authenticate the caller (407 challenge, 403; nothing for an address the throttle blocks),
 * before anything is looked up or kept; or check the signature of the node handing the call over;</li>
 * <li>a session timer (RFC 4028) shorter than the node's minimum: 422 with its Min-SE;</li>
 * <li>take a server transaction and say 100 Trying at once;</li>
 * <li>count the call against the caller's tenant's plan: over its concurrent calls or calls per
 * second, 403 ({@link CallAdmission});</li>
 * <li>the callee is the Request-URI's user, looked up in the caller's tenant only: an extension,
 * else a ring group of that tenant ({@link RingGroupHunt}), else 404;</li>
 * <li>an extension's phones are its bindings on every node (480 if none); a call handed over by
 * another node rings this node's only;</li>
 * <li>ring them all at once, each as its own dialog (leg B, new Call-ID), over the flow it
 * registered from, and those on other nodes through that node; the first to answer wins; nobody
 * within the no-answer timeout: 480;</li>
 * <li>an extension with an enabled mailbox: the node answers itself and takes a message when no phone
 * is registered, all refuse (busy) or none answers within the mailbox's ringing time.</li>
 * </ol>
 */
public final class InviteHandler {

    private static final System.Logger LOG = System.getLogger(InviteHandler.class.getName());
    /** RFC 4028's status, which JAIN-SIP names not. */
    private static final int SESSION_INTERVAL_TOO_SMALL = 422;

    private final Replies replies;
    private final EngineServices services;
    private final CallerAuthentication callers;
    private final SessionTimerRules sessionTimers;
    private final Calls calls;
    private final CallControl control;
    private final Optional<Voicemail> voicemail;

    InviteHandler(Replies replies, EngineServices services, CallerAuthentication callers,
                  SessionTimerRules sessionTimers, Calls calls, CallControl control, Optional<Voicemail> voicemail) {
        this.voicemail = voicemail;
        this.sessionTimers = sessionTimers;
        this.replies = replies;
        this.services = services;
        this.callers = callers;
        this.calls = calls;
        this.control = control;
    }

    public void invite(RequestEvent event) {
        Request request = event.getRequest();
        Flow source = SourceFlow.of(event);

        CallerAuthentication.Outcome outcome;
        try {
            outcome = callers.check(request, source);
        } catch (RuntimeException storageFailure) {
            // Accounts out of reach: this node cannot tell who calls, so the phone (or the node
            // handing a call over) goes to the pool's other node or retries, as for REGISTER.
            LOG.log(System.Logger.Level.WARNING, "cannot authenticate an INVITE from " + source + " (503): "
                    + storageFailure.getMessage());
            replies.sendStateless(event, replies.unavailable(request, Replies.STORAGE_RETRY_AFTER_SECONDS));
            return;
        }
        CallerAuthentication.Caller caller;
        switch (outcome) {
            case CallerAuthentication.Refused refused -> {
                replies.sendStateless(event, refused.response());
                return;
            }
            case CallerAuthentication.Dropped dropped -> {
                return; // cheapest under a flood, and tells a guesser nothing
            }
            case CallerAuthentication.Caller authenticated -> caller = authenticated;
        }

        SessionTimerDecision.Offered session;
        switch (sessionTimers.offer(SipMessages.headerValue(request, SipMessages.SESSION_EXPIRES),
                SipMessages.headerValue(request, SipMessages.MIN_SE), SipMessages.supportsTimer(request))) {
            case SessionTimerDecision.Malformed malformed -> {
                replies.sendStateless(event, replies.create(request, Response.BAD_REQUEST, malformed.reason()));
                return;
            }
            case SessionTimerDecision.TooBrief tooBrief -> {
                replies.sendStateless(event, sessionTooBrief(request, tooBrief.minSeconds()));
                return;
            }
            case SessionTimerDecision.Offered offered -> session = offered;
        }

        Optional<ServerTransaction> transaction = replies.serverTransaction(event);
        if (transaction.isEmpty()) {
            return; // a retransmission of an INVITE being handled: the stack answers it
        }
        replies.send(transaction.get(), trying(request));

        Call call = newCall(event, transaction.get(), caller, source, session);
        calls.add(call);
        control.handle(call, new CallEvent.Invited(caller.account().plan(), () -> route(call, caller)));
    }

    /** Whom the call rings: the callee is looked up in the caller's tenant only. */
    private Route route(Call call, CallerAuthentication.Caller caller) {
        Optional<SipAccount> callee = services.accounts().find(caller.domain(), call.callee)
                .filter(account -> account.tenantId().equals(caller.account().tenantId()));
        if (callee.isPresent()) {
            return phonesOf(callee.get(), caller.handedOver(), caller.handedOver() ? Optional.empty()
                    : voicemail.flatMap(mailboxes -> mailboxes.mailboxOf(callee.get().tenantId(), call.callee)));
        }
        if (caller.handedOver()) {
            return new Route.Nobody(Response.NOT_FOUND); // a node hands over extensions, never groups
        }
        return ringGroupDialled(call).<Route>map(Route.Group::new).orElse(new Route.Nobody(Response.NOT_FOUND));
    }

    /**
     * Every phone of the extension; none registered anywhere (or here, for a call handed over): its
     * mailbox, else 480. A node without the cluster secret can reach no other node's phones, so it does
     * not look them up in the database either (a read per call). The node handing a call over answers
     * by voicemail, never the one it handed it to.
     */
    private Route phonesOf(SipAccount callee, boolean handedOver, Optional<Mailbox> mailbox) {
        AddressOfRecord aor = new AddressOfRecord(callee.tenantId(), callee.number());
        Instant now = services.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        List<Registration> phones = handedOver || services.peers().hop().isEmpty()
                ? services.registrations().active(services.nodeId(), aor, now)
                : services.registrations().activeAnywhere(aor, now);
        return phones.isEmpty() ? new Route.Nobody(Response.TEMPORARILY_UNAVAILABLE, mailbox)
                : new Route.Phones(phones, mailbox);
    }

    /** The dialled number is a ring group of the caller's tenant (never another tenant's). */
    private Optional<RingGroup> ringGroupDialled(Call call) {
        return services.ringGroups().find(call.tenantId, call.callee);
    }

    /** 422 naming the shortest session the node accepts (RFC 4028 6). */
    private Response sessionTooBrief(Request request, int minSeconds) {
        Response response = replies.create(request, SESSION_INTERVAL_TOO_SMALL, "Session Interval Too Small");
        try {
            response.addHeader(replies.headers().createHeader(SipMessages.MIN_SE, String.valueOf(minSeconds)));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    /** 100 without a To tag: it makes no dialog, and the answers to come carry the call's own tag. */
    private Response trying(Request request) {
        try {
            return replies.messages().createResponse(Response.TRYING, request);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot answer 100 to " + request.getRequestURI(), e);
        }
    }

    private Call newCall(RequestEvent event, ServerTransaction transaction, CallerAuthentication.Caller caller,
                         Flow source, SessionTimerDecision.Offered session) {
        Request request = event.getRequest();
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        URI target = contact != null ? contact.getAddress().getURI() : from.getAddress().getURI();
        String callId = Calls.callId(request);
        Address local = (Address) to.getAddress().clone();
        Address remote = (Address) from.getAddress().clone();
        Leg a = caller.handedOver()
                ? new NodeHopLeg(caller.handedOverBy(), callId, local, CallControl.newTag(), remote, from.getTag(),
                (URI) target.clone(), source)
                : new PhoneLeg(callId, local, CallControl.newTag(), remote, from.getTag(), (URI) target.clone(), source);
        String dialled = request.getRequestURI() instanceof SipURI sip && sip.getUser() != null ? sip.getUser() : "";
        return new Call(caller.account().tenantId(), caller.account().number().digits(), dialled,
                services.clock().instant(), (SipProvider) event.getSource(), transaction, a, session);
    }
}
