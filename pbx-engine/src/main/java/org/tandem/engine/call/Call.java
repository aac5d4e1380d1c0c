package org.tandem.engine.call;

import org.tandem.engine.call.leg.LegState;
import org.tandem.engine.call.sessiontimer.SessionTimer;
import org.tandem.engine.call.sessiontimer.SessionTimerDecision;

import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

/**
 * One call attempt: the caller's dialog (leg A, with the INVITE's server transaction), the forks
 * ringing the callee's phones and, once one answered, the winner. Its monitor is the call's lock:
 * every field is read and written, and every message of the call sent, while holding it. The call's
 * {@link State} and its winner change only through {@link #answer} and {@link #end}, each leg's
 * state only through its own moves ({@link Leg}).
 */
final class Call {

    enum State { RINGING, ANSWERED, ENDED }

    /**
     * What a call to a ring group does when the phones rung now did not answer ({@link RingGroupHunt});
     * a call to an extension has none.
     */
    interface Hunt {

        /** Rings the next members that have phones, if any are left; false when none is. */
        boolean ringNext();

        /** Nobody answered and nobody is left: the caller's final answer. */
        void giveUp();
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
    final List<Fork> forks = new ArrayList<>();

    private State state = State.RINGING;
    /** Counted against the tenant's plan ({@link CallAdmission}) until it ends. */
    boolean admitted;
    /** Listed among the active calls ({@link ActiveCallPublisher}) until it ends. */
    boolean published;
    /** Null for a call to an extension. */
    Hunt hunt;
    /** The forks rung now are {@code forks} from here on; earlier ones belong to members already tried. */
    int ringingFrom;
    private Fork winner;
    private Instant answeredAt;
    private boolean callerAcked;
    /** The session agreed at the answer; null: none (no phone refreshes). */
    private SessionTimer session;
    /** Counts the session's refreshes, so an expiry armed before the last refresh does nothing. */
    private long sessionRefreshes;
    ScheduledFuture<?> sessionExpiry;
    ScheduledFuture<?> noAnswer;
    /** The 2xx sent to the caller, sent again until its ACK comes (RFC 3261 13.3.1.4). */
    Response answerToCaller;

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
        return forks.subList(ringingFrom, forks.size()).stream().allMatch(fork -> fork.finalStatus != 0);
    }
}
