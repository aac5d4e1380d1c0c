package org.tandem.engine.call;

import org.tandem.engine.sip.Replies;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.Optional;

/**
 * Requests within a call's dialogs (they carry a To tag), from either side:
 * <ul>
 * <li>ACK: passed to the other leg, for its last INVITE (with its body, for a late offer);</li>
 * <li>BYE: answered 200 at once, a BYE sent to the other leg, the call ends;</li>
 * <li>anything else (re-INVITE for hold and resume, UPDATE, INFO): relayed to the other leg with
 * its body unchanged, and the answer relayed back ({@link DialogRelay}).</li>
 * </ul>
 * Each becomes a {@link CallEvent} for the call's owner, which decides what it does.
 * A request for no dialog this node knows gets 481 (an ACK, nothing).
 */
public final class InDialogHandler {

    private final Replies replies;
    private final Calls calls;
    private final CallControl control;

    InDialogHandler(Replies replies, Calls calls, CallControl control) {
        this.replies = replies;
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
        control.handle(dialog.call(), new CallEvent.Requested(dialog.from(), dialog.to(), transaction.get()));
    }
}
