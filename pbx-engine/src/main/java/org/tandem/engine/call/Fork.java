package org.tandem.engine.call;

import javax.sip.ClientTransaction;
import javax.sip.message.Response;
import java.util.UUID;

/**
 * One phone of the callee being rung: a leg B with its own Call-ID and the INVITE's client
 * transaction. Fields are touched only under its call's lock.
 */
final class Fork {

    final Call call;
    final Leg leg;
    /** The node this fork hands the call over to, which rings the phones it holds; null for a phone. */
    final UUID handedTo;
    ClientTransaction transaction;
    /** A provisional answer came: only now may it be cancelled (RFC 3261 9.1). */
    boolean provisional;
    /** A CANCEL is owed as soon as the phone answers provisionally. */
    boolean cancelWanted;
    boolean cancelled;
    /** 0 while ringing. */
    int finalStatus;
    Response finalResponse;

    Fork(Call call, Leg leg, UUID handedTo) {
        this.call = call;
        this.leg = leg;
        this.handedTo = handedTo;
    }
}
