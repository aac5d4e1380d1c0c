package org.tandem.engine.call;

import org.tandem.domain.registration.Flow;
import org.tandem.engine.call.leg.LegState;

import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Response;

/**
 * One dialog of a call, seen from this node, of one of the kinds a call has today: a phone reached
 * over its flow ({@link PhoneLeg}), another node of the cluster ({@link NodeHopLeg}) or the node itself
 * answering with its own media ({@link NodeLeg}). The coming kinds (a trunk, a conference) are further subclasses. A leg is its identifiers, where its phone is (the target from
 * its Contact) and the flow that reaches it (the packets' source for the caller, the registration's
 * flow for a callee). Requests to the phone go to the target over the flow, so a phone behind NAT
 * is reached on the connection or mapping it opened. Its {@link LegState} changes only through the
 * named moves below. Mutable fields are touched only under the call's lock.
 */
abstract sealed class Leg permits PhoneLeg, NodeHopLeg, NodeLeg {

    final String callId;
    final Address local;
    final String localTag;
    final Address remote;
    String remoteTag;
    URI target;
    final Flow flow;
    long localCseq;
    /** CSeq number of the last INVITE this node sent on this leg, for the ACK of its 2xx. */
    long lastInviteCseq;
    private LegState state = LegState.CALLING;

    protected Leg(String callId, Address local, String localTag, Address remote, String remoteTag, URI target, Flow flow) {
        this.callId = callId;
        this.local = local;
        this.localTag = localTag;
        this.remote = remote;
        this.remoteTag = remoteTag;
        this.target = target;
        this.flow = flow;
    }

    long nextCseq() {
        return ++localCseq;
    }

    /** A phone's answer on this leg: its To tag and (for 1xx-2xx) Contact make the leg a dialog. */
    void learnFrom(Response response) {
        String tag = ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
        if (tag != null && remoteTag == null) {
            remoteTag = tag;
        }
        ContactHeader contact = (ContactHeader) response.getHeader(ContactHeader.NAME);
        if (contact != null && response.getStatusCode() < 300 && response.getStatusCode() > 100) {
            target = (URI) contact.getAddress().getURI().clone();
        }
    }

    LegState state() {
        return state;
    }

    /** A provisional answer (with its tag) on a leg still being called. */
    void early() {
        state = state.to(LegState.EARLY);
    }

    /** A 2xx to the leg's INVITE. */
    void answered() {
        state = state.to(LegState.ANSWERED);
    }

    /** The ACK of that 2xx went through. */
    void confirmed() {
        state = state.to(LegState.CONFIRMED);
    }

    /** A BYE was sent or received on the leg. */
    void ending() {
        state = state.to(LegState.ENDING);
    }

    /** The INVITE got a final refusal, or the hang-up is done. */
    void ended() {
        state = state.to(LegState.ENDED);
    }
}
