package org.tandem.engine.call;

import javax.sip.ClientTransaction;
import javax.sip.message.Response;

/**
 * One phone of the callee being rung (or the node holding some of them): a leg B with its own
 * Call-ID and the INVITE's client transaction; or the node itself, which answered (no transaction). Its state changes only through the named methods
 * below, under its call's lock.
 */
final class Fork {

    final Call call;
    final Leg leg;
    private ClientTransaction transaction;
    /** A provisional answer came: only now may it be cancelled (RFC 3261 9.1). */
    private boolean provisional;
    /** A CANCEL is owed as soon as the phone answers provisionally. */
    private boolean cancelWanted;
    private boolean cancelled;
    /** 0 while ringing. */
    private int finalStatus;
    private Response finalResponse;

    Fork(Call call, Leg leg) {
        this.call = call;
        this.leg = leg;
    }

    /** The INVITE went out in {@code invite}. */
    void sentIn(ClientTransaction invite) {
        transaction = invite;
    }

    ClientTransaction transaction() {
        return transaction;
    }

    void provisionalCame() {
        provisional = true;
    }

    boolean mayBeCancelled() {
        return provisional;
    }

    void owesCancel() {
        cancelWanted = true;
    }

    /** A CANCEL is owed and not sent yet. */
    boolean cancelOwed() {
        return cancelWanted && !cancelled;
    }

    void cancelSent() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** The phone's final answer (again, for a retransmitted 2xx). */
    void finalAnswer(Response response) {
        finalStatus = response.getStatusCode();
        finalResponse = response;
    }

    /** The node answered the call itself (its {@link NodeLeg}): this fork rang nobody. */
    void answeredHere() {
        finalStatus = 200;
    }

    /** A final status of this node's own: the INVITE could not be sent (503) or got no answer (408). */
    void failed(int status) {
        finalStatus = status;
    }

    /** 0 while ringing. */
    int finalStatus() {
        return finalStatus;
    }

    /** Null while ringing, or when the final status is this node's own. */
    Response finalResponse() {
        return finalResponse;
    }

    boolean isRinging() {
        return finalStatus == 0;
    }
}
