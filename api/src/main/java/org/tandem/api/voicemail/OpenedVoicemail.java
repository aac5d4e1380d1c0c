package org.tandem.api.voicemail;

import org.tandem.administration.voicemail.OpenedMailbox;

/**
 * A mailbox just opened for an extension that had none: the only answer that ever holds its PIN.
 *
 * @param voicemailPin the generated PIN; the node keeps only its hash
 */
public record OpenedVoicemail(Voicemail voicemail, String voicemailPin) {

    static OpenedVoicemail of(OpenedMailbox opened) {
        return new OpenedVoicemail(Voicemail.of(opened.mailbox()), opened.pin());
    }

    @Override
    public String toString() {
        return "OpenedVoicemail[" + voicemail.number() + ", PIN hidden]";
    }
}
