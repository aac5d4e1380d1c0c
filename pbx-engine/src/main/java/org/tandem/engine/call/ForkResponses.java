package org.tandem.engine.call;

import org.tandem.engine.call.leg.LegState;

import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The answers phones send to what a call sent them: to a fork's INVITE (ringing, answer, refusal)
 * and to requests relayed within a dialog (re-INVITE, ...). Each is handled under its call's lock,
 * so a 180 handled by one stack thread can never overtake the 200 handled by another.
 */
public final class ForkResponses {

    private final CallControl control;
    private final Calls calls;
    private final InDialogHandler inDialog;

    ForkResponses(CallControl control, Calls calls, InDialogHandler inDialog) {
        this.control = control;
        this.calls = calls;
        this.inDialog = inDialog;
    }

    public void response(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction transaction = event.getClientTransaction();
        Object owner = transaction == null ? null : transaction.getApplicationData();
        switch (owner) {
            case Fork fork -> inviteResponse(fork, response);
            case InDialogHandler.Relay relay -> inDialog.relayResponse(relay, response);
            case null -> retransmitted2xx(response);
            default -> {
            }
        }
    }

    /** A fork's INVITE got no answer at all (Timer B): as if it had said 408. */
    public void timeout(TimeoutEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction != null && transaction.getApplicationData() instanceof Fork fork) {
            synchronized (fork.call) {
                if (fork.finalStatus == 0) {
                    fork.finalStatus = Response.REQUEST_TIMEOUT;
                    fork.leg.ended();
                    if (fork.call.isRinging() && fork.call.allForksEnded()) {
                        control.allForksFailed(fork.call);
                    }
                }
            }
        } else if (transaction != null && transaction.getApplicationData() instanceof InDialogHandler.Relay relay) {
            inDialog.relayTimeout(relay);
        }
    }

    private void inviteResponse(Fork fork, Response response) {
        Call call = fork.call;
        int status = response.getStatusCode();
        synchronized (call) {
            learnDialog(fork, response);
            if (status < 200) {
                fork.provisional = true;
                if (status > 100 && fork.leg.state().canBecome(LegState.EARLY)) {
                    fork.leg.early();
                }
                if (fork.cancelWanted && !fork.cancelled) {
                    control.cancel(fork);
                } else {
                    control.provisional(call, response);
                }
                return;
            }
            boolean first = fork.finalStatus == 0;
            fork.finalStatus = status;
            fork.finalResponse = response;
            if (status < 300 && fork.leg.state().canBecome(LegState.ANSWERED)) {
                fork.leg.answered();
            } else if (status >= 300 && fork.leg.state().canBecome(LegState.ENDED)) {
                fork.leg.ended();
            }
            if (status < 300) {
                if (call.isRinging()) {
                    control.answer(call, fork, response);
                } else if (call.winner() == fork) {
                    if (!first && call.callerAcked()) {
                        control.sendAck(call, fork.leg, fork.leg.lastInviteCseq, null); // our ACK was lost
                    }
                } else if (first) {
                    control.ackAndBye(fork);
                } else {
                    control.sendAck(call, fork.leg, fork.leg.lastInviteCseq, null);
                }
            } else if (call.isRinging() && call.allForksEnded()) {
                control.allForksFailed(call);
            }
        }
    }

    /** The phone's To tag and Contact make the leg a dialog. */
    private static void learnDialog(Fork fork, Response response) {
        String tag = ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
        if (tag != null && fork.leg.remoteTag == null) {
            fork.leg.remoteTag = tag;
        }
        ContactHeader contact = (ContactHeader) response.getHeader(ContactHeader.NAME);
        if (contact != null && response.getStatusCode() < 300 && response.getStatusCode() > 100) {
            fork.leg.target = (URI) contact.getAddress().getURI().clone();
        }
    }

    /**
     * A 2xx to a fork's INVITE after its transaction ended: the phone did not get our ACK, or a
     * second answer came. The winner is ACKed again once the caller's ACK was relayed; others get ACK and BYE.
     */
    private void retransmitted2xx(Response response) {
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (response.getStatusCode() / 100 != 2 || !Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        calls.fork(callId).ifPresent(fork -> {
            synchronized (fork.call) {
                if (fork.call.winner() == fork) {
                    if (fork.call.callerAcked()) {
                        control.sendAck(fork.call, fork.leg, cseq.getSeqNumber(), null);
                    }
                } else {
                    learnDialog(fork, response);
                    if (fork.leg.state().canBecome(LegState.ANSWERED)) {
                        fork.leg.answered();
                    }
                    control.ackAndBye(fork);
                }
            }
        });
    }
}
