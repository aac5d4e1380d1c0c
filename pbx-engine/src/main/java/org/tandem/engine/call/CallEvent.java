package org.tandem.engine.call;

import org.tandem.domain.tenant.PlanLimits;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.function.Supplier;

/**
 * What happened to a call: the handlers turn each SIP message (and the call's timers each timeout)
 * into one of these and hand it to {@link CallControl#handle}, which alone decides what the call does.
 */
sealed interface CallEvent {

    /**
     * The caller's INVITE, authenticated: the call is counted against {@code plan} (unless another node
     * handed it over, which counts it), then rings whom {@code route} finds (looked up only once admitted).
     */
    record Invited(PlanLimits plan, Supplier<Route> route) implements CallEvent {
    }

    /** A phone's 1xx to a fork's INVITE. */
    record Provisional(Fork fork, Response response) implements CallEvent {
    }

    /** A phone's 2xx to a fork's INVITE, within its transaction. */
    record Answered(Fork fork, Response response) implements CallEvent {
    }

    /** A 2xx to a fork's INVITE after its transaction ended: our ACK was lost, or a second answer came. */
    record AnsweredAgain(Fork fork, Response response, long inviteCseq) implements CallEvent {
    }

    /** A phone's final refusal (3xx to 6xx) of a fork's INVITE. */
    record Refused(Fork fork, Response response) implements CallEvent {
    }

    /** A fork's INVITE got no answer at all (Timer B). */
    record ForkTimedOut(Fork fork) implements CallEvent {
    }

    /** Nobody answered within the ringing time. */
    record NoAnswer() implements CallEvent {
    }

    /** The caller's CANCEL. */
    record Cancelled() implements CallEvent {
    }

    /** An ACK came on {@code from}; {@code to} is the other leg (null: a leg that lost). */
    record Acked(Leg from, Leg to, Request ack) implements CallEvent {
    }

    /** A BYE came on {@code from}; {@code to} is the other leg (null: a leg that lost). */
    record HungUp(Leg from, Leg to) implements CallEvent {
    }

    /** The node, which answered the call itself, ends it (voicemail: the caller pressed '#', the longest message). */
    record HungUpHere() implements CallEvent {
    }

    /** Another request came on {@code from} in {@code origin} (re-INVITE, UPDATE, INFO); {@code to} as for ACK. */
    record Requested(Leg from, Leg to, ServerTransaction origin) implements CallEvent {
    }

    /** The other phone answered a request relayed to it. */
    record RelayAnswered(DialogRelay.Relay relay, Response response) implements CallEvent {
    }

    /** The other phone never answered a request relayed to it. */
    record RelayTimedOut(DialogRelay.Relay relay) implements CallEvent {
    }

    /** No refresh came since refresh number {@code refresh} was agreed, up to the deadline. */
    record SessionExpired(long refresh) implements CallEvent {
    }

    /** The node stops. */
    record NodeStops() implements CallEvent {
    }
}
