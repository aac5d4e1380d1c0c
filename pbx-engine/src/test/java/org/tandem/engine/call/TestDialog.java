package org.tandem.engine.call;

import org.tandem.testsupport.sip.TestPhone;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.call.CallMessages.body;
import static org.tandem.engine.call.CallMessages.finalAnswer;
import static org.tandem.engine.call.CallMessages.inDialog;
import static org.tandem.engine.call.CallMessages.next;
import static org.tandem.engine.call.CallMessages.one;
import static org.tandem.engine.call.CallMessages.response;
import static org.tandem.engine.call.CallMessages.sdp;
import static org.tandem.engine.call.CallMessages.sendAuthenticatedInvite;
import static org.tandem.engine.call.CallMessages.withHeaders;

/** A dialog as one hand-written test phone sees it: where its requests go and what names the dialog. */
final class TestDialog {

    final TestPhone phone;
    final String target;
    final String callId;
    final String from;
    final String to;
    long cseq;

    TestDialog(TestPhone phone, String target, String callId, String from, String to, long cseq) {
        this.phone = phone;
        this.target = target;
        this.callId = callId;
        this.from = from;
        this.to = to;
        this.cseq = cseq;
    }

    /** The dialog {@code callee}'s phone is in once it answered {@code invite} with the To tag {@code toTag}. */
    static TestDialog ofCallee(TestPhone callee, String invite, String toTag) {
        return new TestDialog(callee, one(invite, "Contact").replaceAll("^<|>$", ""), one(invite, "Call-ID"),
                one(invite, "To") + ";tag=" + toTag, one(invite, "From"), 0);
    }

    /** The two dialogs of a call, each as its phone sees it, and the INVITE the callee got and the 200 the caller got. */
    record Call(TestDialog caller, TestDialog callee, String calleeInvite, String answer) {
    }

    /**
     * {@code caller} calls {@code calleeNumber} (authenticating), the registered {@code callee}
     * answers, the caller ACKs: the call is up.
     */
    static Call answered(TestPhone caller, String callerNumber, TestPhone callee, String calleeNumber, String domain)
            throws Exception {
        return answered(caller, callerNumber, callee, calleeNumber, domain, "", "");
    }

    /** The same, the caller's INVITE carrying {@code inviteHeaders} and the callee's 200 {@code answerHeaders}. */
    static Call answered(TestPhone caller, String callerNumber, TestPhone callee, String calleeNumber, String domain,
                         String inviteHeaders, String answerHeaders) throws Exception {
        String uri = "sip:" + calleeNumber + "@" + domain;
        String callId = UUID.randomUUID() + "@caller";
        String fromTag = "c" + UUID.randomUUID().toString().substring(0, 8);
        String from = "<sip:" + callerNumber + "@" + domain + ">;tag=" + fromTag;
        sendAuthenticatedInvite(caller, callerNumber, uri, callId, fromTag, sdp("caller", "sendrecv"), inviteHeaders);
        String inviteB = next(callee);
        assertThat(inviteB).startsWith("INVITE ");
        String calleeTag = "b" + UUID.randomUUID().toString().substring(0, 8);
        callee.send(withHeaders(response(inviteB, "200 OK", calleeTag, callee, sdp("callee", "sendrecv")), answerHeaders));
        String ok = finalAnswer(caller);
        assertThat(TestPhone.statusOf(ok)).isEqualTo(200);
        assertThat(body(ok)).isEqualTo(sdp("callee", "sendrecv"));
        caller.send(inDialog(caller, "ACK", uri, callId, from, one(ok, "To"), 2, null));
        assertThat(next(callee)).startsWith("ACK ");
        return new Call(new TestDialog(caller, uri, callId, from, one(ok, "To"), 2), ofCallee(callee, inviteB, calleeTag),
                inviteB, ok);
    }

    /** {@code a} hangs up: its BYE is answered 200, and {@code b} gets a BYE, which it answers. */
    static void hangUp(TestDialog a, TestDialog b) throws Exception {
        a.phone.send(inDialog(a.phone, "BYE", a.target, a.callId, a.from, a.to, ++a.cseq, null));
        assertThat(TestPhone.statusOf(next(a.phone))).isEqualTo(200);
        String byeB = next(b.phone);
        assertThat(byeB).startsWith("BYE ");
        assertThat(one(byeB, "Call-ID")).isEqualTo(b.callId);
        b.phone.send(response(byeB, "200 OK", null, b.phone, null));
    }
}
