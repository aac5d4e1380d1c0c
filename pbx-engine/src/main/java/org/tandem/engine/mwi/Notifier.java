package org.tandem.engine.mwi;

import org.tandem.domain.registration.Flow;
import org.tandem.domain.voicemail.MailboxAddress;
import org.tandem.domain.voicemail.MessageWaiting;
import org.tandem.engine.sip.OwnAddresses;
import org.tandem.engine.sip.Replies;

import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;

/**
 * Builds and sends the NOTIFYs of message-summary: within a subscription's dialog, or unsolicited to a
 * registered phone's contact. Each goes in a client transaction of its own (retransmitted over UDP) over
 * the phone's flow; its answer concerns nobody, so a phone that is gone only costs the transaction's timer.
 */
final class Notifier {

    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

    private final Replies replies;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final SipProvider provider;
    private final OwnAddresses own;

    Notifier(Replies replies, AddressFactory addresses, SipProvider provider) {
        this.replies = replies;
        this.addresses = addresses;
        this.headers = replies.headers();
        this.provider = provider;
        this.own = new OwnAddresses(headers, addresses);
    }

    /** The mailbox's counts, with the subscription active for {@code secondsLeft} more. */
    void notifyActive(Subscription subscription, MessageWaiting waiting, int secondsLeft) {
        notify(subscription, waiting, SubscriptionStateHeader.ACTIVE, null, secondsLeft);
    }

    /** The mailbox's counts, with the subscription ended: unsubscribed (no reason) or expired ({@code timeout}). */
    void notifyTerminated(Subscription subscription, MessageWaiting waiting, boolean expired) {
        notify(subscription, waiting, SubscriptionStateHeader.TERMINATED, expired ? SubscriptionStateHeader.TIMEOUT : null,
                0);
    }

    private void notify(Subscription subscription, MessageWaiting waiting, String state, String reason, int secondsLeft) {
        send(subscription.target(), subscription.flow(), subscription.id().callId(), subscription.cseq().incrementAndGet(),
                subscription.local(), subscription.id().localTag(), subscription.remote(), subscription.id().remoteTag(),
                subscription.mailbox(), waiting, state, reason, secondsLeft);
    }

    /** An out-of-dialog NOTIFY to a phone that never subscribed (RFC 3842 4, unsolicited). */
    void notifyUnsolicited(MailboxAddress mailbox, String contact, Flow flow, MessageWaiting waiting) {
        try {
            Address account = addresses.createAddress(MessageSummary.account(mailbox));
            send(addresses.createURI(contact), flow, UUID.randomUUID() + "@tandem-mwi", 1, account,
                    Long.toHexString(UUID.randomUUID().getMostSignificantBits()), account, null, mailbox, waiting,
                    SubscriptionStateHeader.ACTIVE, null, 0);
        } catch (ParseException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "no unsolicited NOTIFY to the contact " + contact + ": " + e.getMessage());
        }
    }

    private void send(URI target, Flow flow, String callId, long cseq, Address from, String fromTag, Address to,
                      String toTag, MailboxAddress mailbox, MessageWaiting waiting, String state, String reason,
                      int secondsLeft) {
        try {
            Request notify = replies.messages().createRequest((URI) target.clone(), Request.NOTIFY,
                    headers.createCallIdHeader(callId), headers.createCSeqHeader(cseq, Request.NOTIFY),
                    headers.createFromHeader((Address) from.clone(), fromTag),
                    headers.createToHeader((Address) to.clone(), toTag), List.of(own.via(provider, flow)),
                    headers.createMaxForwardsHeader(70));
            // the flow the phone's request came over, loosely routed: the next hop whatever its Contact says (NAT)
            notify.addHeader(headers.createRouteHeader(own.routeTo(flow)));
            notify.addHeader(contact(flow));
            notify.addHeader(headers.createEventHeader(MessageSummary.EVENT_PACKAGE));
            SubscriptionStateHeader subscriptionState = headers.createSubscriptionStateHeader(state);
            if (reason != null) {
                subscriptionState.setReasonCode(reason);
            }
            if (secondsLeft > 0) {
                subscriptionState.setExpires(secondsLeft);
            }
            notify.addHeader(subscriptionState);
            notify.setContent(MessageSummary.of(mailbox, waiting).getBytes(StandardCharsets.US_ASCII),
                    headers.createContentTypeHeader(MessageSummary.CONTENT_TYPE, MessageSummary.CONTENT_SUBTYPE));
            provider.getNewClientTransaction(notify).sendRequest();
        } catch (ParseException | InvalidArgumentException | SipException e) {
            // a phone gone (its TCP connection closed) or a contact we cannot write: its lamp waits for the next change
            LOG.log(System.Logger.Level.DEBUG, () -> "no NOTIFY to " + target + " over " + flow + ": " + e.getMessage());
        }
    }

    /** This node's Contact on {@code flow}'s transport. */
    ContactHeader contact(Flow flow) {
        return own.contact(provider, flow.transport());
    }
}
