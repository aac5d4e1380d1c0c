package org.tandem.engine.call;

import org.tandem.engine.sip.Replies;

import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.Optional;
import java.util.Set;

/**
 * Requests within a call's dialogs (they carry a To tag), from either side:
 * <ul>
 * <li>ACK: passed to the other leg, for its last INVITE (with its body, for a late offer);</li>
 * <li>BYE: answered 200 at once, a BYE sent to the other leg, the call ends;</li>
 * <li>anything else (re-INVITE for hold and resume, UPDATE, INFO): relayed to the other leg with
 * its body unchanged, and the answer relayed back.</li>
 * </ul>
 * A request for no dialog this node knows gets 481 (an ACK, nothing).
 */
public final class InDialogHandler {

    private static final System.Logger LOG = System.getLogger(InDialogHandler.class.getName());

    /** The requests that refresh a session when they succeed (RFC 4028 7.4, 8). */
    private static final Set<String> SESSION_REFRESHES = Set.of(Request.INVITE, Request.UPDATE);

    /** A request relayed within a call: where its answer goes back to. */
    record Relay(Call call, ServerTransaction origin, Leg from) {
    }

    private final Replies replies;
    private final SipMessages messages;
    private final Calls calls;
    private final CallControl control;

    InDialogHandler(Replies replies, SipMessages messages, Calls calls, CallControl control) {
        this.replies = replies;
        this.messages = messages;
        this.calls = calls;
        this.control = control;
    }

    public void request(RequestEvent event) {
        Request request = event.getRequest();
        Optional<Calls.InDialog> found = calls.inDialog(request);
        if (Request.ACK.equals(request.getMethod())) {
            found.ifPresent(dialog -> control.handle(dialog.call(),
                    new CallEvent.Acked(dialog.from(), dialog.to(), request)));
            return;
        }
        if (found.isEmpty()) {
            replies.sendStateless(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        Optional<ServerTransaction> transaction = replies.serverTransaction(event);
        if (transaction.isEmpty()) {
            return;
        }
        Calls.InDialog dialog = found.get();
        if (Request.BYE.equals(request.getMethod())) {
            replies.send(transaction.get(), replies.create(request, Response.OK));
            control.handle(dialog.call(), new CallEvent.HungUp(dialog.from(), dialog.to()));
            return;
        }
        relay(dialog, request, transaction.get());
    }

    private void relay(Calls.InDialog dialog, Request request, ServerTransaction origin) {
        Call call = dialog.call();
        synchronized (call) {
            if (dialog.to() == null || !call.isAnswered()) {
                replies.send(origin, replies.create(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
                return;
            }
            Leg to = dialog.to();
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
                transaction.setApplicationData(new Relay(call, origin, dialog.from()));
                transaction.sendRequest();
            } catch (SipException e) {
                replies.send(origin, replies.create(request, Response.SERVICE_UNAVAILABLE));
            }
        }
    }

    void relayResponse(Relay relay, Response response) {
        if (response.getStatusCode() == Response.TRYING) {
            return;
        }
        synchronized (relay.call()) {
            Request request = relay.origin().getRequest();
            Response out = messages.relayed(relay.call().provider, request, response, null,
                    relay.from().flow.transport());
            SipMessages.copyHeaders(response, out, SipMessages.SESSION_EXPIRES, RequireHeader.NAME);
            if (response.getStatusCode() / 100 == 2 && SESSION_REFRESHES.contains(request.getMethod())) {
                control.handle(relay.call(), new CallEvent.Refreshed(response));
            }
            try {
                relay.origin().sendResponse(out);
            } catch (SipException | InvalidArgumentException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "cannot relay " + response.getStatusCode() + ": " + e);
            }
        }
    }

    void relayTimeout(Relay relay) {
        synchronized (relay.call()) {
            replies.send(relay.origin(), replies.create(relay.origin().getRequest(), Response.REQUEST_TIMEOUT));
        }
    }
}
