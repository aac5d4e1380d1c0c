package org.tandem.engine.mwi;

import org.tandem.domain.voicemail.MailboxAddress;
import org.tandem.domain.voicemail.MessageWaiting;

/** An {@code application/simple-message-summary} body (RFC 3842 5.2). */
final class MessageSummary {

    static final String EVENT_PACKAGE = "message-summary";
    static final String CONTENT_TYPE = "application";
    static final String CONTENT_SUBTYPE = "simple-message-summary";

    private MessageSummary() {
    }

    /** The body for {@code mailbox}'s counts, naming its account ({@code sip:number@domain}). */
    static String of(MailboxAddress mailbox, MessageWaiting waiting) {
        return "Messages-Waiting: " + (waiting.waiting() ? "yes" : "no") + "\r\n"
                + "Message-Account: " + account(mailbox) + "\r\n"
                + waiting.voiceMessageLine() + "\r\n";
    }

    static String account(MailboxAddress mailbox) {
        return "sip:" + mailbox.extension().digits() + "@" + mailbox.domain().name();
    }
}
