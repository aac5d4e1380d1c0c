package org.tandem.engine.call;

import org.tandem.engine.sip.Replies;

import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * How a request within an answered call (re-INVITE for hold and resume, UPDATE, INFO) goes to the
 * other leg with its body unchanged, and its answer comes back. Used by the call's owner
 * ({@link CallControl}), which decides whether a request is relayed, under the call's lock.
 */
record DialogRelay(Replies replies, SipMessages messages) {

    private static final System.Logger LOG = System.getLogger(DialogRelay.class.getName());

    /** A request relayed within a call: where its answer goes back to. */
    record Relay(Call call, ServerTransaction origin, Leg from) {
    }

    /** The request of {@code origin}, which came on {@code from}, goes on to {@code to}. */
    void send(Call call, Leg from, Leg to, ServerTransaction origin) {
        Request request = origin.getRequest();
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        long cseq = to.nextCseq();
        Request out = messages.request(call.provider, to, request.getMethod(), cseq,
                maxForwards == null ? 70 : maxForwards.getMaxForwards() - 1);
        SipMessages.copyBody(request, out);
        SipMessages.copyHeaders(request, out, SipMessages.SESSION_EXPIRES, SipMessages.MIN_SE);
        if (Request.INVITE.equals(request.getMethod())) {
            to.lastInviteCseq = cseq;
        }
        try {
            ClientTransaction transaction = call.provider.getNewClientTransaction(out);
            transaction.setApplicationData(new Relay(call, origin, from));
            transaction.sendRequest();
        } catch (SipException e) {
            refuse(origin, Response.SERVICE_UNAVAILABLE);
        }
    }

    /** The request of {@code origin} is not relayed: it gets {@code status}. */
    void refuse(ServerTransaction origin, int status) {
        replies.send(origin, replies.create(origin.getRequest(), status));
    }

    /** The other phone's answer goes back to where the request came from. */
    void answer(Relay relay, Response response) {
        Response out = messages.relayed(relay.call().provider, relay.origin().getRequest(), response, null,
                relay.from().flow.transport());
        SipMessages.copyHeaders(response, out, SipMessages.SESSION_EXPIRES, RequireHeader.NAME);
        try {
            relay.origin().sendResponse(out);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot relay " + response.getStatusCode() + ": " + e);
        }
    }
}
