package org.tandem.engine.call;

import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The answers phones send to what a call sent them: to a fork's INVITE (ringing, answer, refusal),
 * each turned into a {@link CallEvent} for its call, and to requests relayed within a dialog
 * (re-INVITE, ...). Each is handled under its call's lock, so a 180 handled by one stack thread can
 * never overtake the 200 handled by another.
 */
public final class ForkResponses {

    private final CallControl control;
    private final Calls calls;

    ForkResponses(CallControl control, Calls calls) {
        this.control = control;
        this.calls = calls;
    }

    public void response(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction transaction = event.getClientTransaction();
        Object owner = transaction == null ? null : transaction.getApplicationData();
        switch (owner) {
            case Fork fork -> control.handle(fork.call, inviteAnswer(fork, response));
            case DialogRelay.Relay relay -> control.handle(relay.call(), new CallEvent.RelayAnswered(relay, response));
            case null -> retransmitted2xx(response);
            default -> {
            }
        }
    }

    /** A fork's INVITE got no answer at all (Timer B). */
    public void timeout(TimeoutEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction != null && transaction.getApplicationData() instanceof Fork fork) {
            control.handle(fork.call, new CallEvent.ForkTimedOut(fork));
        } else if (transaction != null && transaction.getApplicationData() instanceof DialogRelay.Relay relay) {
            control.handle(relay.call(), new CallEvent.RelayTimedOut(relay));
        }
    }

    private static CallEvent inviteAnswer(Fork fork, Response response) {
        int status = response.getStatusCode();
        if (status < 200) {
            return new CallEvent.Provisional(fork, response);
        }
        return status < 300 ? new CallEvent.Answered(fork, response) : new CallEvent.Refused(fork, response);
    }

    /** A 2xx to a fork's INVITE after its transaction ended: the phone did not get our ACK, or a second answer came. */
    private void retransmitted2xx(Response response) {
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (response.getStatusCode() / 100 != 2 || !Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        String callId = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId();
        calls.fork(callId).ifPresent(fork -> control.handle(fork.call,
                new CallEvent.AnsweredAgain(fork, response, cseq.getSeqNumber())));
    }
}
