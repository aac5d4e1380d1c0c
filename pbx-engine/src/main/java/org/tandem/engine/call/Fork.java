package org.tandem.engine.call;

import javax.sip.ClientTransaction;
import javax.sip.message.Response;

/**
 * One phone of the callee being rung (or the node holding some of them): a leg B with its own Call-ID and the INVITE's client
 * transaction. Fields are touched only under its call's lock.
 */
final class Fork {

    final Call call;
    final Leg leg;
    ClientTransaction transaction;
    /** A provisional answer came: only now may it be cancelled (RFC 3261 9.1). */
    boolean provisional;
    /** A CANCEL is owed as soon as the phone answers provisionally. */
    boolean cancelWanted;
    boolean cancelled;
    /** 0 while ringing. */
    int finalStatus;
    Response finalResponse;

    Fork(Call call, Leg leg) {
        this.call = call;
        this.leg = leg;
    }
}
