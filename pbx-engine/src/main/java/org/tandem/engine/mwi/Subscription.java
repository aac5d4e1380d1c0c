package org.tandem.engine.mwi;

import org.tandem.domain.registration.Flow;
import org.tandem.domain.voicemail.MailboxAddress;

import javax.sip.address.Address;
import javax.sip.address.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One phone's subscription to its mailbox's lamp: the dialog a SUBSCRIBE made (RFC 6665 4.1), held
 * in this node's memory only, so a restart loses it and the phone subscribes again.
 *
 * @param local  this node's end (the SUBSCRIBE's To, tagged {@code id.localTag})
 * @param remote the phone's end (its From)
 * @param target where NOTIFYs go (the phone's Contact), over {@code flow}
 */
record Subscription(Id id, MailboxAddress mailbox, Address local, Address remote, URI target, Flow flow,
                    Instant expiresAt, AtomicLong cseq) {

    /** A dialog's identity: Call-ID and both tags. */
    record Id(String callId, String remoteTag, String localTag) {
    }

    /** Refreshed by a SUBSCRIBE from {@code newTarget} over {@code newFlow} (a target refresh, RFC 6665 4.1.2.1). */
    Subscription renewed(URI newTarget, Flow newFlow, Instant newExpiry) {
        return new Subscription(id, mailbox, local, remote, newTarget, newFlow, newExpiry, cseq);
    }
}
