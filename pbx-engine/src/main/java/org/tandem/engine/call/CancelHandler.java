package org.tandem.engine.call;

import org.tandem.engine.sip.Replies;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.Optional;

/**
 * The caller hangs up before anyone answered (RFC 3261 9.2): 200 to the CANCEL, CANCEL to every
 * fork still ringing, 487 to the caller's INVITE. A CANCEL that matches no call gets 481.
 */
public final class CancelHandler {

    private final Replies replies;
    private final Calls calls;
    private final CallControl control;

    CancelHandler(Replies replies, Calls calls, CallControl control) {
        this.replies = replies;
        this.calls = calls;
        this.control = control;
    }

    public void cancel(RequestEvent event) {
        Request cancel = event.getRequest();
        Optional<Call> call = calls.ofCaller(cancel).filter(c -> sameBranch(c.inviteRequest(), cancel));
        if (call.isEmpty()) {
            replies.sendStateless(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        Optional<ServerTransaction> transaction = replies.serverTransaction(event);
        if (transaction.isEmpty()) {
            return;
        }
        replies.send(transaction.get(), replies.create(cancel, Response.OK));
        control.handle(call.get(), new CallEvent.Cancelled());
    }

    private static boolean sameBranch(Request invite, Request cancel) {
        String inviteBranch = ((ViaHeader) invite.getHeader(ViaHeader.NAME)).getBranch();
        return inviteBranch != null && inviteBranch.equals(((ViaHeader) cancel.getHeader(ViaHeader.NAME)).getBranch());
    }
}
