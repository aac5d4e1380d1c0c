package org.tandem.domain.voicemail;

/**
 * What a mailbox's message-waiting lamp shows: its new and saved messages (deleted ones are not counted).
 */
public record MessageWaiting(int newMessages, int savedMessages) {

    public static final MessageWaiting EMPTY = new MessageWaiting(0, 0);

    public MessageWaiting {
        if (newMessages < 0 || savedMessages < 0) {
            throw new IllegalArgumentException("message counts are never negative");
        }
    }

    /** Whether the lamp is lit: RFC 3842's {@code Messages-Waiting}. */
    public boolean waiting() {
        return newMessages > 0;
    }

    /** RFC 3842's voice line: new/old messages, and urgent new/old ones (Tandem has no urgent messages). */
    public String voiceMessageLine() {
        return "Voice-Message: " + newMessages + "/" + savedMessages + " (0/0)";
    }
}
