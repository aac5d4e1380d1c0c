package org.tandem.engine.call;

import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.engine.call.leg.LegState;
import org.tandem.engine.call.sessiontimer.SessionTimer;
import org.tandem.engine.call.sessiontimer.SessionTimerDecision;

import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

/**
 * One call attempt: the caller's dialog (leg A, with the INVITE's server transaction), the forks
 * ringing the callee's phones and, once one answered, the winner. Its monitor is the call's lock:
 * its state is read and changed, and every message of the call sent, while holding it
 * ({@link CallControl#handle}). What changes is private and changes through named methods: the
 * call's {@link State} and winner only through {@link #answer} and {@link #end}, each leg's state
 * only through its own moves ({@link Leg}).
 */
final class Call {

    enum State { RINGING, ANSWERED, ENDED }

    /**
     * What a call to a ring group does each time the phones rung now did not answer ({@link RingGroupHunt});
     * a call to an extension has none.
     */
    interface Hunt {

        /** The next members' phones to ring, or the caller's final answer when nobody is left. */
        HuntStep next();
    }

    /** What a {@link Hunt} says to do next. */
    sealed interface HuntStep {

        /** Ring {@code phones} (never empty) for {@code timeout}. */
        record Ring(List<Registration> phones, Duration timeout) implements HuntStep {
        }

        /** Nobody answered and nobody is left: the caller's final answer. */
        record GiveUp(int status, String reason, CallDisposition disposition) implements HuntStep {
        }
    }

    final UUID id = UUID.randomUUID();
    final UUID tenantId;
    final String caller;
    final String callee;
    final Instant startedAt;
    final SipProvider provider;
    final ServerTransaction invite;
    final Leg a;
    /** The session (RFC 4028) the caller's INVITE asked for, as the node offers it to the callee's phones. */
    final SessionTimerDecision.Offered sessionOffer;
    private final List<Fork> forks = new ArrayList<>();

    private State state = State.RINGING;
    /** Counted against the tenant's plan ({@link CallAdmission}) until it ends. */
    private boolean admitted;
    /** Listed among the active calls ({@link ActiveCallPublisher}) until it ends. */
    private boolean published;
    /** Null for a call to an extension. */
    private Hunt hunt;
    /** The callee's mailbox, which answers when its phones do not; null: none. */
    private Mailbox mailbox;
    /** The forks rung now are {@code forks} from here on; earlier ones belong to members already tried. */
    private int ringingFrom;
    private Fork winner;
    private Instant answeredAt;
    private boolean callerAcked;
    /** The session agreed at the answer; null: none (no phone refreshes). */
    private SessionTimer session;
    /** Counts the session's refreshes, so an expiry armed before the last refresh does nothing. */
    private long sessionRefreshes;
    private ScheduledFuture<?> sessionExpiry;
    private ScheduledFuture<?> noAnswer;
    /** The 2xx sent to the caller, sent again until its ACK comes (RFC 3261 13.3.1.4). */
    private Response answerToCaller;

    Call(UUID tenantId, String caller, String callee, Instant startedAt, SipProvider provider,
         ServerTransaction invite, Leg a, SessionTimerDecision.Offered sessionOffer) {
        this.tenantId = tenantId;
        this.caller = caller;
        this.callee = callee;
        this.startedAt = startedAt;
        this.provider = provider;
        this.invite = invite;
        this.a = a;
        this.sessionOffer = sessionOffer;
    }

    /** Another node handed this call over to ring its callee's phones here; that node counts and records it. */
    boolean handedOver() {
        return a instanceof NodeHopLeg;
    }

    /** Every fork of the call so far, of the members rung now and before. */
    List<Fork> forks() {
        return Collections.unmodifiableList(forks);
    }

    /** The forks added from now on are the ones rung now. */
    void ringAnew() {
        ringingFrom = forks.size();
    }

    void add(Fork fork) {
        forks.add(fork);
    }

    /** Counted against the tenant's plan from now until {@link #releaseAdmission}. */
    void admitted() {
        admitted = true;
    }

    /** No longer counted; whether it was. */
    boolean releaseAdmission() {
        boolean was = admitted;
        admitted = false;
        return was;
    }

    /** Listed among the active calls from now; whether it was not yet. */
    boolean publish() {
        boolean first = !published;
        published = true;
        return first;
    }

    boolean isPublished() {
        return published;
    }

    /** No longer listed; whether it was. */
    boolean unpublish() {
        boolean was = published;
        published = false;
        return was;
    }

    /** Null for a call to an extension. */
    Hunt hunt() {
        return hunt;
    }

    void huntWith(Hunt ringGroupHunt) {
        hunt = ringGroupHunt;
    }

    /** Null: the callee has no mailbox (or the call is to a ring group). */
    Mailbox mailbox() {
        return mailbox;
    }

    void reachesMailbox(Mailbox callees) {
        mailbox = callees;
    }

    /** The no-answer timeout of the phones rung now (a ring group's next members get a new one). */
    void noAnswerAfter(ScheduledFuture<?> timeout) {
        stopNoAnswer();
        noAnswer = timeout;
    }

    void stopNoAnswer() {
        if (noAnswer != null) {
            noAnswer.cancel(false);
        }
    }

    /** The expiry of the session as last agreed or refreshed. */
    void sessionExpiresAfter(ScheduledFuture<?> expiry) {
        if (sessionExpiry != null) {
            sessionExpiry.cancel(false);
        }
        sessionExpiry = expiry;
    }

    Response answerToCaller() {
        return answerToCaller;
    }

    void answerToCaller(Response ok) {
        answerToCaller = ok;
    }

    State state() {
        return state;
    }

    boolean isRinging() {
        return state == State.RINGING;
    }

    boolean isAnswered() {
        return state == State.ANSWERED;
    }

    boolean isEnded() {
        return state == State.ENDED;
    }

    /** The fork that answered; null while ringing. */
    Fork winner() {
        return winner;
    }

    /** {@code leg} is one of the two the answered call connects: the caller's or the winner's. */
    boolean connects(Leg leg) {
        return isAnswered() && (leg == a || leg == winner.leg);
    }

    /** Null while ringing. */
    Instant answeredAt() {
        return answeredAt;
    }

    /** The caller ACKed the answer (and the ACK was passed to the winner). */
    boolean callerAcked() {
        return callerAcked;
    }

    /**
     * An ACK came on {@code from} and went on to {@code to}: a leg still waiting for the ACK of its
     * answer is confirmed (later ACKs, of re-INVITEs, change nothing).
     */
    void acked(Leg from, Leg to) {
        if (from == a) {
            callerAcked = true;
        }
        for (Leg leg : new Leg[]{from, to}) {
            if (leg.state() == LegState.ANSWERED) {
                leg.confirmed();
            }
        }
    }

    /** {@code fork} answered first: it wins, and the caller's leg is answered too. */
    void answer(Fork fork, Instant at) {
        if (state != State.RINGING) {
            throw new IllegalStateException("call " + id + " is " + state + ", it cannot be answered");
        }
        state = State.ANSWERED;
        winner = fork;
        answeredAt = at;
        a.answered();
    }

    /** Null: the call has no session timer. */
    SessionTimer session() {
        return session;
    }

    /** A session was agreed at the answer, or refreshed (perhaps with a new interval); the refresh's number. */
    long sessionRefreshed(SessionTimer agreed) {
        session = agreed;
        return ++sessionRefreshes;
    }

    /** No refresh came since refresh number {@code refresh}. */
    boolean sessionExpiredSince(long refresh) {
        return state == State.ANSWERED && session != null && sessionRefreshes == refresh;
    }

    /** The call is over: the legs still being hung up are done. */
    void end() {
        state = State.ENDED;
        stopNoAnswer();
        if (sessionExpiry != null) {
            sessionExpiry.cancel(false);
        }
        for (Leg leg : winner == null ? new Leg[]{a} : new Leg[]{a, winner.leg}) {
            if (leg.state().canBecome(LegState.ENDED)) {
                leg.ended();
            }
        }
    }

    Request inviteRequest() {
        return invite.getRequest();
    }

    /** Every fork rung now (not those of members already tried) has its final answer. */
    boolean allForksEnded() {
        return forks.subList(ringingFrom, forks.size()).stream().noneMatch(Fork::isRinging);
    }
}
