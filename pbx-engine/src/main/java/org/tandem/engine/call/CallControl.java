package org.tandem.engine.call;

import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.ringgroup.RingGroup;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.engine.call.leg.LegState;
import org.tandem.engine.call.sessiontimer.SessionTimer;
import org.tandem.engine.call.sessiontimer.SessionTimerDecision;
import org.tandem.engine.call.sessiontimer.SessionTimerRules;
import org.tandem.engine.cluster.ClusterPeers;
import org.tandem.engine.cluster.NodeHop;
import org.tandem.engine.voicemail.Voicemail;
import org.tandem.media.endpoint.MediaEngine;
import org.tandem.media.endpoint.MediaLeg;
import org.tandem.media.endpoint.Opening;
import org.tandem.media.sdp.InvalidSdpException;
import org.tandem.media.sdp.Negotiation;
import org.tandem.media.sdp.SessionDescription;

import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a call does, step by step: ring the forks, answer, cancel, reject, hang up. Whatever happens
 * to a call comes in as a {@link CallEvent} through {@link #handle}; every method runs with the
 * call's lock held, which keeps one call's messages in order.
 */
final class CallControl {

    private static final System.Logger LOG = System.getLogger(CallControl.class.getName());
    /** RFC 3261 timers T1 and T2. */
    private static final Duration T1 = Duration.ofMillis(500);
    private static final Duration T2 = Duration.ofSeconds(4);
    private static final Set<Integer> BUSY = Set.of(Response.BUSY_HERE, Response.BUSY_EVERYWHERE);
    /** The requests that refresh a session when they succeed (RFC 4028 7.4, 8). */
    private static final Set<String> SESSION_REFRESHES = Set.of(Request.INVITE, Request.UPDATE);

    private final SipMessages messages;
    private final DialogRelay relays;
    private final Calls calls;
    private final CdrWriter cdrs;
    private final ActiveCallPublisher published;
    private final CallAdmission admission;
    private final ClusterPeers peers;
    private final UUID nodeId;
    private final CallTimer timer;
    private final InstantSource clock;
    private final Duration noAnswerTimeout;
    private final SessionTimerRules sessionTimers;
    private final RingGroupHunt hunts;
    private final MediaEngine media;
    private final Optional<Voicemail> voicemail;

    CallControl(SipMessages messages, DialogRelay relays, Calls calls, CdrWriter cdrs, ActiveCallPublisher published,
                CallAdmission admission, ClusterPeers peers, UUID nodeId, CallTimer timer, InstantSource clock,
                Duration noAnswerTimeout, SessionTimerRules sessionTimers, RingGroupHunt hunts, MediaEngine media,
                Optional<Voicemail> voicemail) {
        this.media = media;
        this.voicemail = voicemail;
        this.messages = messages;
        this.relays = relays;
        this.hunts = hunts;
        this.peers = peers;
        this.nodeId = nodeId;
        this.calls = calls;
        this.cdrs = cdrs;
        this.published = published;
        this.admission = admission;
        this.timer = timer;
        this.clock = clock;
        this.noAnswerTimeout = noAnswerTimeout;
        this.sessionTimers = sessionTimers;
    }

    /** What {@code event} does to {@code call}; takes the call's lock. */
    void handle(Call call, CallEvent event) {
        synchronized (call) {
            switch (event) {
                case CallEvent.Invited(PlanLimits plan, Supplier<Route> route) -> invited(call, plan, route);
                case CallEvent.Provisional(Fork fork, Response response) -> provisional(fork, response);
                case CallEvent.Answered(Fork fork, Response response) -> answered(fork, response);
                case CallEvent.AnsweredAgain(Fork fork, Response response, long inviteCseq) ->
                        answeredAgain(fork, response, inviteCseq);
                case CallEvent.Refused(Fork fork, Response response) -> refused(fork, response);
                case CallEvent.ForkTimedOut(Fork fork) -> forkTimedOut(fork);
                case CallEvent.NoAnswer() -> noAnswer(call);
                case CallEvent.Cancelled() -> cancelled(call);
                case CallEvent.Acked(Leg from, Leg to, Request ack) -> acked(call, from, to, ack);
                case CallEvent.HungUp(Leg from, Leg to) -> hangUp(call, from, to);
                case CallEvent.HungUpHere() -> {
                    if (call.isAnswered() && call.winner().leg instanceof NodeLeg here) {
                        hangUp(call, here, call.a);
                    }
                }
                case CallEvent.Requested(Leg from, Leg to, ServerTransaction origin) -> inDialog(call, from, to, origin);
                case CallEvent.RelayAnswered(DialogRelay.Relay relay, Response response) ->
                        relayAnswered(call, relay, response);
                case CallEvent.RelayTimedOut(DialogRelay.Relay relay) ->
                        relays.refuse(relay.origin(), Response.REQUEST_TIMEOUT);
                case CallEvent.SessionExpired(long refresh) -> sessionExpired(call, refresh);
                case CallEvent.NodeStops() -> endBecauseNodeStops(call);
            }
        }
    }

    /**
     * A new call: counted against its tenant's plan (the node that handed a call over counts it), then
     * it rings whom the route finds; a failure on the way (the database out of reach) ends it with 503.
     */
    private void invited(Call call, PlanLimits plan, Supplier<Route> callee) {
        try {
            if (!call.handedOver() && !admit(call, plan)) {
                return;
            }
            switch (callee.get()) {
                case Route.Phones(List<Registration> phones, Optional<Mailbox> mailbox) -> {
                    mailbox.ifPresent(call::reachesMailbox);
                    ring(call, phones, mailbox.map(box -> box.settings().noAnswer()).orElse(noAnswerTimeout));
                }
                case Route.Group(RingGroup group) -> {
                    call.huntWith(hunts.of(call, group));
                    huntOn(call);
                }
                case Route.Nobody(int status, Optional<Mailbox> mailbox) -> {
                    if (mailbox.isPresent()) {
                        call.reachesMailbox(mailbox.get());
                        answerHere(call, false);
                    } else {
                        reject(call, status, null);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "call " + call.caller + " -> " + call.callee + " failed (503): " + e);
            reject(call, Response.SERVICE_UNAVAILABLE, null);
        }
    }

    /** Counts the call against its tenant's plan; over it, the caller gets 403 and the call ends. */
    private boolean admit(Call call, PlanLimits plan) {
        Optional<CallAdmission.Refusal> refusal = admission.admit(call.tenantId, plan);
        if (refusal.isPresent()) {
            reject(call, Response.FORBIDDEN, refusal.get().reason, CallDisposition.FAILED);
            return false;
        }
        call.admitted();
        return true;
    }

    /**
     * Sends the INVITE to every phone at once (forking), and arms the no-answer timer for {@code timeout}.
     * A phone registered on another node is rung by that node, over the flow the phone opened to it: this
     * node hands the call over to it (one fork per node, whatever number of phones it holds). The phones
     * rung before (a ring group's earlier members) are no longer part of the decision whether everyone refused.
     */
    private void ring(Call call, List<Registration> bindings, Duration timeout) {
        published.ringing(call);
        call.ringAnew();
        Request original = call.inviteRequest();
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) original.getHeader(MaxForwardsHeader.NAME);
        int hops = maxForwards == null ? 70 : maxForwards.getMaxForwards() - 1;
        Map<UUID, Registration> otherNodes = new LinkedHashMap<>();
        for (Registration binding : bindings) {
            if (binding.nodeId().equals(nodeId)) {
                ringPhone(call, binding, hops);
            } else {
                otherNodes.putIfAbsent(binding.nodeId(), binding);
            }
        }
        otherNodes.forEach((node, binding) -> handOver(call, node, binding, hops));
        if (call.allForksEnded()) {
            allForksFailed(call);
            return;
        }
        call.noAnswerAfter(timer.after(timeout, () -> handle(call, new CallEvent.NoAnswer())));
    }

    private void ringPhone(Call call, Registration binding, int hops) {
        try {
            startFork(call, messages.addresses().createURI(binding.contactUri()), binding.flow(), null, hops);
        } catch (ParseException e) {
            LOG.log(System.Logger.Level.WARNING, "binding " + binding.contactUri() + " cannot be called: " + e);
        }
    }

    /** The INVITE to {@code node} names the callee's address of record; that node rings its phones. */
    private void handOver(Call call, UUID node, Registration binding, int hops) {
        Optional<Flow> flow = peers.flowTo(node);
        if (flow.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "phone of " + binding.aor() + " on node " + node
                    + " is out of reach: " + (peers.hop().isEmpty() ? "no cluster secret" : "unknown node"));
            return;
        }
        try {
            String domain = ((SipURI) call.inviteRequest().getRequestURI()).getHost();
            startFork(call, messages.addresses().createSipURI(binding.aor().extension().digits(), domain), flow.get(),
                    node, hops);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot address " + binding.aor() + " on node " + node, e);
        }
    }

    private void startFork(Call call, URI target, Flow flow, UUID handedTo, int hops) {
        Request original = call.inviteRequest();
        String callId = call.provider.getNewCallId().getCallId();
        Address from = (Address) ((FromHeader) original.getHeader(FromHeader.NAME)).getAddress().clone();
        Address to = (Address) ((ToHeader) original.getHeader(ToHeader.NAME)).getAddress().clone();
        Leg leg = handedTo == null ? new PhoneLeg(callId, from, newTag(), to, null, target, flow)
                : new NodeHopLeg(handedTo, callId, from, newTag(), to, null, target, flow);
        Fork fork = new Fork(call, leg);
        call.add(fork);
        calls.add(fork);
        send(fork, hops);
    }

    private void send(Fork fork, int hops) {
        Leg leg = fork.leg;
        leg.lastInviteCseq = leg.nextCseq();
        Request invite = messages.request(fork.call.provider, leg, Request.INVITE, leg.lastInviteCseq, hops);
        SipMessages.copyBody(fork.call.inviteRequest(), invite);
        offerSession(fork.call.sessionOffer, invite);
        if (leg instanceof NodeHopLeg) {
            String signature = peers.hop().orElseThrow().sign(nodeId, NodeHop.SignedCall.of(invite),
                    clock.instant());
            invite.addHeader(messages.extension(NodeHop.HEADER, signature));
        }
        try {
            ClientTransaction transaction = fork.call.provider.getNewClientTransaction(invite);
            transaction.setApplicationData(fork);
            fork.sentIn(transaction);
            transaction.sendRequest();
        } catch (SipException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot send INVITE to " + leg.target + ": " + e.getMessage());
            fork.failed(Response.SERVICE_UNAVAILABLE);
            leg.ended();
        }
    }

    /**
     * The session the caller asked for (or the node's), to the callee's phones: "timer" is supported
     * only when the caller supports it, since a callee choosing refresher=uac makes the caller refresh.
     */
    private void offerSession(SessionTimerDecision.Offered offer, Request invite) {
        invite.addHeader(messages.extension(SipMessages.SESSION_EXPIRES, offer.seconds()
                + (offer.refresher() == null ? "" : ";refresher=" + offer.refresher().parameter())));
        invite.addHeader(messages.extension(SipMessages.MIN_SE, String.valueOf(sessionTimers.minSeconds())));
        if (offer.callerSupportsTimer()) {
            invite.addHeader(messages.supportedTimer());
        }
    }

    private void noAnswer(Call call) {
        if (call.isRinging()) {
            cancelForks(call, null);
            if (call.hunt() != null) {
                huntOn(call);
            } else if (call.mailbox() != null) {
                answerHere(call, false);
            } else {
                reject(call, Response.TEMPORARILY_UNAVAILABLE, "No Answer", CallDisposition.NO_ANSWER);
            }
        }
    }

    /**
     * A 1xx from a phone: now its fork may be cancelled (and is, if that is owed); else it is relayed
     * to the caller (with its SDP, if any) while the call rings.
     */
    private void provisional(Fork fork, Response response) {
        Call call = fork.call;
        fork.leg.learnFrom(response);
        fork.provisionalCame();
        if (response.getStatusCode() > 100 && fork.leg.state().canBecome(LegState.EARLY)) {
            fork.leg.early();
        }
        if (fork.cancelOwed()) {
            cancel(fork);
        } else if (call.isRinging() && response.getStatusCode() > 100) {
            call.a.early();
            sendToCaller(call, messages.relayed(call.provider, call.inviteRequest(), response, call.a.localTag,
                    call.a.flow.transport()));
        }
    }

    /**
     * A 2xx to a fork's INVITE: the first wins the call; the winner's again (our ACK was lost) is
     * ACKed again once the caller ACKed; any other fork's is ACKed and hung up.
     */
    private void answered(Fork fork, Response response) {
        Call call = fork.call;
        fork.leg.learnFrom(response);
        boolean first = fork.isRinging();
        fork.finalAnswer(response);
        if (fork.leg.state().canBecome(LegState.ANSWERED)) {
            fork.leg.answered();
        }
        if (call.isRinging()) {
            answer(call, fork, response);
        } else if (call.winner() == fork) {
            if (!first && call.callerAcked()) {
                sendAck(call, fork.leg, fork.leg.lastInviteCseq, null);
            }
        } else if (first) {
            ackAndBye(fork);
        } else {
            sendAck(call, fork.leg, fork.leg.lastInviteCseq, null);
        }
    }

    /** A 2xx after the fork's transaction ended: the winner's is ACKed again once the caller ACKed; others get ACK and BYE. */
    private void answeredAgain(Fork fork, Response response, long inviteCseq) {
        if (fork.call.winner() == fork) {
            if (fork.call.callerAcked()) {
                sendAck(fork.call, fork.leg, inviteCseq, null);
            }
            return;
        }
        fork.leg.learnFrom(response);
        if (fork.leg.state().canBecome(LegState.ANSWERED)) {
            fork.leg.answered();
        }
        ackAndBye(fork);
    }

    /** A phone refused: once every fork rung now has, the call moves on or fails. */
    private void refused(Fork fork, Response response) {
        fork.leg.learnFrom(response);
        fork.finalAnswer(response);
        if (fork.leg.state().canBecome(LegState.ENDED)) {
            fork.leg.ended();
        }
        if (fork.call.isRinging() && fork.call.allForksEnded()) {
            allForksFailed(fork.call);
        }
    }

    /** No answer at all to a fork's INVITE: as if it had said 408. */
    private void forkTimedOut(Fork fork) {
        if (fork.isRinging()) {
            fork.failed(Response.REQUEST_TIMEOUT);
            fork.leg.ended();
            if (fork.call.isRinging() && fork.call.allForksEnded()) {
                allForksFailed(fork.call);
            }
        }
    }

    /** The caller gave up while the phones rang: they get CANCEL, it gets 487. */
    private void cancelled(Call call) {
        if (call.isRinging()) {
            cancelForks(call, null);
            reject(call, Response.REQUEST_TERMINATED, null, CallDisposition.CANCELLED);
        }
    }

    /**
     * An ACK on an answered call goes to the other leg, for its last INVITE (with the body, for a late offer);
     * to the node's own leg that offered in its 2xx, it brings the caller's answer.
     */
    private void acked(Call call, Leg from, Leg to, Request ack) {
        if (to == null || !call.isAnswered()) {
            return;
        }
        sendAck(call, to, to.lastInviteCseq, ack);
        call.acked(from, to);
        if (to instanceof NodeLeg here && here.media.agreed().isEmpty()) {
            takeAnswer(call, here, ack);
        }
    }

    /** The caller's answer to the node's offer; none, or none acceptable: the node hangs up (RFC 3261 13.2.2.4). */
    private void takeAnswer(Call call, NodeLeg here, Request ack) {
        byte[] answer = ack.getRawContent();
        Negotiation settled;
        try {
            settled = answer == null || answer.length == 0 ? new Negotiation.NotAcceptable("the ACK has no answer")
                    : here.media.answered(media.parse(new String(answer, StandardCharsets.UTF_8)));
        } catch (InvalidSdpException e) {
            settled = new Negotiation.NotAcceptable(e.getMessage());
        }
        if (settled instanceof Negotiation.NotAcceptable(String reason)) {
            LOG.log(System.Logger.Level.INFO, () -> "call " + call.id + " ended: the caller's answer in its ACK is"
                    + " not acceptable: " + reason);
            hangUp(call, here, call.a);
        }
    }

    /** The first 2xx wins: the other forks are cancelled and the 2xx (its SDP unchanged) goes to the caller. */
    private void answer(Call call, Fork fork, Response response) {
        answerCaller(call, fork, messages.relayed(call.provider, call.inviteRequest(), response, call.a.localTag,
                call.a.flow.transport()), SipMessages.headerValue(response, SipMessages.SESSION_EXPIRES));
    }

    /**
     * {@code fork} wins the call: the others are cancelled and the caller gets {@code ok}, with the session
     * the callee's {@code sessionExpires} agreed (null: the callee does no timers), sent until it is ACKed.
     */
    private void answerCaller(Call call, Fork fork, Response ok, String sessionExpires) {
        call.answer(fork, clock.instant());
        published.answered(call);
        call.stopNoAnswer();
        cancelForks(call, fork);
        call.answerToCaller(ok);
        sessionTimers.answered(call.sessionOffer, sessionExpires)
                .ifPresent(session -> {
                    messages.answerSession(ok, session, call.sessionOffer.callerSupportsTimer());
                    armSessionExpiry(call, session);
                });
        sendToCaller(call, ok);
        timer.after(T1, () -> retransmitAnswer(call, T1, T1));
    }

    /**
     * The callee's mailbox answers: the node answers the caller's offer with a media leg of its own (488 when
     * the offer has no G.711, 503 when no port is free), or offers one in its 2xx when the INVITE had none, and
     * takes a message on it.
     */
    private void answerHere(Call call, boolean busy) {
        cancelForks(call, null);
        Opening opening;
        try {
            byte[] offer = call.inviteRequest().getRawContent();
            if (offer == null || offer.length == 0) {
                // no offer in the INVITE: the node's is in its 2xx, the caller's answer comes in the ACK
                MediaLeg offering = media.offer();
                opening = new Opening.Opened(offering, offering.localDescription());
            } else {
                opening = media.answer(media.parse(new String(offer, StandardCharsets.UTF_8)));
            }
        } catch (InvalidSdpException e) {
            reject(call, Response.NOT_ACCEPTABLE_HERE, "Unreadable Session Description");
            return;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "voicemail cannot answer " + call.caller + " -> " + call.callee
                    + " (503): " + e.getMessage());
            reject(call, Response.SERVICE_UNAVAILABLE, "No Media Port");
            return;
        }
        switch (opening) {
            case Opening.Refused refused -> reject(call, Response.NOT_ACCEPTABLE_HERE, null);
            case Opening.Opened opened -> {
                NodeLeg here = new NodeLeg(call.a, opened.leg());
                Fork fork = new Fork(call, here);
                fork.answeredHere();
                here.answered();
                Response ok = messages.answer(call.provider, call.inviteRequest(), Response.OK, null, call.a.localTag,
                        call.a.flow.transport());
                messages.setSdp(ok, opened.answer().write());
                answerCaller(call, fork, ok, null);
                here.takes(voicemail.orElseThrow().deposit(opened.leg(), call.mailbox(), busy, callerOf(call),
                        () -> handle(call, new CallEvent.HungUpHere())));
            }
        }
    }

    /** Who leaves the message: the authenticated caller's number, and the name its From shows. */
    private static CallerId callerOf(Call call) {
        String name = ((FromHeader) call.inviteRequest().getHeader(FromHeader.NAME)).getAddress().getDisplayName();
        return CallerId.asSent(call.caller, name);
    }

    /**
     * Sends the 2xx to the caller again, at T1 doubling up to T2, until its ACK comes (the stack
     * keeps no dialog, so this is the call's job, RFC 3261 13.3.1.4). No ACK within 64*T1: both
     * sides get a BYE.
     */
    private void retransmitAnswer(Call call, Duration interval, Duration waited) {
        synchronized (call) {
            if (call.callerAcked() || !call.isAnswered()) {
                return;
            }
            if (waited.compareTo(T1.multipliedBy(64)) >= 0) {
                sendBye(call, call.winner().leg);
                sendBye(call, call.a);
                end(call, CallDisposition.FAILED, Response.REQUEST_TIMEOUT);
                return;
            }
            try {
                call.provider.sendResponse(call.answerToCaller());
            } catch (SipException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "cannot resend 2xx of " + call.a.callId + ": " + e.getMessage());
            }
            Duration next = interval.multipliedBy(2).compareTo(T2) > 0 ? T2 : interval.multipliedBy(2);
            timer.after(next, () -> retransmitAnswer(call, next, waited.plus(next)));
        }
    }

    /**
     * A request within the answered call goes to the other leg, or is answered by the node when it is the
     * other leg; on a leg that lost, or before the answer: 481.
     */
    private void inDialog(Call call, Leg from, Leg to, ServerTransaction origin) {
        if (to == null || !call.isAnswered()) {
            relays.refuse(origin, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (to instanceof NodeLeg here) {
            answerRequestHere(call, here, origin);
            return;
        }
        relays.send(call, from, to, origin);
    }

    /**
     * The caller's request to the node's own leg: a re-INVITE or UPDATE with an offer (hold, resume, a new
     * address) is answered from the media leg (488 when not acceptable: the call goes on as it was), one
     * without an offer gets the leg's description; either refreshes the session. INFO is taken (200);
     * anything else is not done here (501).
     */
    private void answerRequestHere(Call call, NodeLeg here, ServerTransaction origin) {
        Request request = origin.getRequest();
        String method = request.getMethod();
        if (Request.INFO.equals(method)) {
            replyHere(call, origin, messages.answer(call.provider, request, Response.OK, null, call.a.localTag,
                    call.a.flow.transport()));
            return;
        }
        if (!SESSION_REFRESHES.contains(method)) {
            relays.refuse(origin, Response.NOT_IMPLEMENTED);
            return;
        }
        byte[] offer = request.getRawContent();
        SessionDescription answer = here.media.localDescription();
        if (offer != null && offer.length > 0) {
            try {
                if (!(here.media.answer(media.parse(new String(offer, StandardCharsets.UTF_8)))
                        instanceof Negotiation.Agreed agreed)) {
                    relays.refuse(origin, Response.NOT_ACCEPTABLE_HERE);
                    return;
                }
                answer = agreed.answer();
            } catch (InvalidSdpException e) {
                relays.refuse(origin, Response.NOT_ACCEPTABLE_HERE);
                return;
            }
        }
        Response ok = messages.answer(call.provider, request, Response.OK, null, call.a.localTag,
                call.a.flow.transport());
        if (Request.INVITE.equals(method) || offer != null && offer.length > 0) {
            messages.setSdp(ok, answer.write());
        }
        if (call.session() != null) {
            messages.answerSession(ok, call.session(), call.sessionOffer.callerSupportsTimer());
            sessionRefreshed(call, ok);
        }
        replyHere(call, origin, ok);
    }

    private void replyHere(Call call, ServerTransaction origin, Response response) {
        try {
            origin.sendResponse(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot answer " + origin.getRequest().getMethod() + " on "
                    + call.a.callId + ": " + e.getMessage());
        }
    }

    /** The answer to a relayed request goes back; a refresh that went through starts the session again. */
    private void relayAnswered(Call call, DialogRelay.Relay relay, Response response) {
        if (response.getStatusCode() == Response.TRYING) {
            return;
        }
        if (response.getStatusCode() / 100 == 2
                && SESSION_REFRESHES.contains(relay.origin().getRequest().getMethod())) {
            sessionRefreshed(call, response);
        }
        relays.answer(relay, response);
    }

    /**
     * A refresh (re-INVITE or UPDATE) went through between the phones: the session starts again,
     * with the interval its 2xx names, if any.
     */
    private void sessionRefreshed(Call call, Response ok) {
        if (call.isAnswered() && call.session() != null) {
            armSessionExpiry(call, sessionTimers.refreshed(call.session(),
                    SipMessages.headerValue(ok, SipMessages.SESSION_EXPIRES)));
        }
    }

    private void armSessionExpiry(Call call, SessionTimer session) {
        long refresh = call.sessionRefreshed(session);
        call.sessionExpiresAfter(timer.after(session.deadline(), () -> handle(call, new CallEvent.SessionExpired(refresh))));
    }

    /**
     * No refresh came in time: a phone vanished (or its network did). Both phones get a BYE and the
     * call is recorded as answered, ending now (RFC 4028 10).
     */
    private void sessionExpired(Call call, long refresh) {
        if (!call.sessionExpiredSince(refresh)) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, () -> "call " + call.id + " ended: its session (" + call.session().seconds()
                + " s) was not refreshed in time");
        sendBye(call, call.winner().leg);
        sendBye(call, call.a);
        end(call, CallDisposition.ANSWERED, Response.REQUEST_TIMEOUT);
    }

    /** A 2xx from a phone too late (another answered, or the call is over): ACK it, then BYE. */
    private void ackAndBye(Fork fork) {
        sendAck(fork.call, fork.leg, fork.leg.lastInviteCseq, null);
        sendBye(fork.call, fork.leg);
    }

    /** The phone's answer to the caller's answer: an ACK on {@code leg} for its last INVITE. */
    private void sendAck(Call call, Leg leg, long inviteCseq, Request from) {
        if (leg.state() == LegState.ANSWERED) {
            leg.confirmed();
        }
        if (leg instanceof NodeLeg) {
            return; // the node's own leg: nothing to send
        }
        Request ack = messages.ack(call.provider, leg, inviteCseq);
        if (from != null) {
            SipMessages.copyBody(from, ack);
        }
        try {
            call.provider.sendRequest(ack);
        } catch (SipException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot send ACK on " + leg.callId + ": " + e.getMessage());
        }
    }

    private void sendBye(Call call, Leg leg) {
        if (leg.state().isUp()) {
            leg.ending();
        }
        if (leg instanceof NodeLeg) {
            return; // the node's own leg ends with the call (end)
        }
        Request bye = messages.request(call.provider, leg, Request.BYE, leg.nextCseq(), 70);
        try {
            call.provider.getNewClientTransaction(bye).sendRequest();
        } catch (SipException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot send BYE on " + leg.callId + ": " + e.getMessage());
        }
    }

    /** Cancels every fork still ringing except {@code keep} (null: all). */
    private void cancelForks(Call call, Fork keep) {
        for (Fork fork : call.forks()) {
            if (fork != keep && fork.isRinging() && !fork.isCancelled()) {
                cancel(fork);
            }
        }
    }

    /** Sends the CANCEL, or owes it until the phone's first provisional answer (RFC 3261 9.1). */
    private void cancel(Fork fork) {
        if (!fork.mayBeCancelled()) {
            fork.owesCancel();
            return;
        }
        fork.cancelSent();
        try {
            Request cancel = fork.transaction().createCancel();
            fork.call.provider.getNewClientTransaction(cancel).sendRequest();
        } catch (SipException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot CANCEL " + fork.leg.callId + ": " + e.getMessage());
        }
    }

    /**
     * Every fork rung now failed: a ring group moves on to its next members; the callee's mailbox
     * answers (with its busy greeting if a phone was busy); otherwise the caller gets the most telling
     * answer (busy first).
     */
    private void allForksFailed(Call call) {
        if (call.hunt() != null) {
            huntOn(call);
            return;
        }
        if (call.mailbox() != null) {
            answerHere(call, call.forks().stream().anyMatch(fork -> BUSY.contains(fork.finalStatus())));
            return;
        }
        Fork telling = call.forks().stream().filter(f -> BUSY.contains(f.finalStatus())).findFirst()
                .or(() -> call.forks().stream().filter(f -> f.finalStatus() >= 600).findFirst())
                .or(() -> call.forks().stream().filter(f -> f.finalResponse() != null
                        && f.finalStatus() != Response.REQUEST_TERMINATED).findFirst())
                .orElse(null);
        if (telling == null) {
            reject(call, Response.TEMPORARILY_UNAVAILABLE, null);
        } else {
            reject(call, telling.finalStatus(), telling.finalResponse().getReasonPhrase());
        }
    }

    /** The members rung now did not answer (or none was rung yet): the next ones ring, or the ring group gives up. */
    private void huntOn(Call call) {
        call.stopNoAnswer();
        switch (call.hunt().next()) {
            case Call.HuntStep.Ring(List<Registration> phones, Duration timeout) -> ring(call, phones, timeout);
            case Call.HuntStep.GiveUp(int status, String reason, CallDisposition disposition) ->
                    reject(call, status, reason, disposition);
        }
    }

    private void reject(Call call, int status, String reason) {
        reject(call, status, reason, dispositionOf(status));
    }

    /**
     * Ends a call nobody answered, then gives the caller its final answer: ended first, so a phone that
     * calls again the moment it hears the answer finds its place under the plan free again.
     */
    private void reject(Call call, int status, String reason, CallDisposition disposition) {
        if (call.isEnded()) {
            return;
        }
        Response answer = messages.answer(call.provider, call.inviteRequest(), status, reason, call.a.localTag,
                call.a.flow.transport());
        end(call, disposition, status);
        sendToCaller(call, answer);
    }

    /**
     * Ends a call because this node stops: a ringing call's phones get a CANCEL and its caller 503
     * (a phone then tries the pool's other node); an answered call gets a BYE on both legs. Either
     * way the call is recorded now, while its record can still be written.
     */
    private void endBecauseNodeStops(Call call) {
        switch (call.state()) {
            case RINGING -> {
                cancelForks(call, null);
                reject(call, Response.SERVICE_UNAVAILABLE, "Node Stopping", CallDisposition.FAILED);
            }
            case ANSWERED -> {
                sendBye(call, call.winner().leg);
                sendBye(call, call.a);
                end(call, CallDisposition.ANSWERED, Response.OK);
            }
            case ENDED -> {
            }
        }
    }

    /** Stops the call timeouts; once every call has ended. */
    void close() {
        timer.close();
    }

    /**
     * A BYE came on {@code from}: the other leg gets one, and the call ends. A BYE on a losing fork's
     * dialog (a phone that answered after another did) ends that dialog only (RFC 3261 13.2.2.4).
     */
    private void hangUp(Call call, Leg from, Leg other) {
        if (!call.isAnswered()) {
            return;
        }
        if (!call.connects(from)) {
            if (from.state().canBecome(LegState.ENDED)) {
                from.ended();
            }
            return;
        }
        if (from.state().isUp()) {
            from.ending();
        }
        if (other != null) {
            sendBye(call, other);
        }
        end(call, CallDisposition.ANSWERED, Response.OK);
    }

    private void end(Call call, CallDisposition disposition, int status) {
        call.end();
        if (call.winner() != null && call.winner().leg instanceof NodeLeg here) {
            here.callEnded();
        }
        calls.remove(call);
        published.ended(call);
        if (call.releaseAdmission()) {
            admission.release(call.tenantId);
        }
        if (!call.handedOver()) {
            cdrs.ended(call, clock.instant(), disposition, status); // the node that handed it over records it
        }
    }

    private void sendToCaller(Call call, Response response) {
        try {
            call.invite.sendResponse(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot send " + response.getStatusCode() + " to the caller of "
                    + call.a.callId + ": " + e.getMessage());
        }
    }

    static CallDisposition dispositionOf(int status) {
        if (BUSY.contains(status)) {
            return CallDisposition.BUSY;
        }
        if (status == Response.REQUEST_TERMINATED) {
            return CallDisposition.CANCELLED;
        }
        if (status < 300) {
            return CallDisposition.ANSWERED;
        }
        return CallDisposition.FAILED;
    }

    static String newTag() {
        return UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }
}
