package org.tandem.engine.call;

import org.tandem.domain.registration.Flow;
import org.tandem.engine.call.sessiontimer.Refresher;
import org.tandem.engine.call.sessiontimer.SessionTimer;
import org.tandem.engine.sip.OwnAddresses;
import org.tandem.engine.sip.Replies;


import javax.sip.InvalidArgumentException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.UUID;

/**
 * Builds the messages a call sends: requests within one {@link Leg} (routed over its flow), and the
 * answers relayed to the caller. Bodies are copied as bytes with their Content-Type, never parsed,
 * so the SDP a phone wrote reaches the other phone unchanged. Thread-safe (factories only).
 */
final class SipMessages {

    static final String SESSION_EXPIRES = "Session-Expires";
    static final String MIN_SE = "Min-SE";
    private static final String TIMER = "timer";

    private final Replies replies;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final OwnAddresses own;

    SipMessages(Replies replies, AddressFactory addresses) {
        this.replies = replies;
        this.addresses = addresses;
        this.headers = replies.headers();
        this.own = new OwnAddresses(headers, addresses);
    }

    AddressFactory addresses() {
        return addresses;
    }

    /** A request within {@code leg}: to its target, over its flow (a loose Route to the flow's address). */
    Request request(SipProvider provider, Leg leg, String method, long cseq, int maxForwards) {
        try {
            Request request = replies.messages().createRequest((URI) leg.target.clone(), method,
                    headers.createCallIdHeader(leg.callId), headers.createCSeqHeader(cseq, method),
                    headers.createFromHeader((Address) leg.local.clone(), leg.localTag),
                    headers.createToHeader((Address) leg.remote.clone(), leg.remoteTag),
                    List.of(via(provider, leg.flow)), maxForwards(maxForwards));
            request.addHeader(headers.createRouteHeader(routeTo(leg.flow)));
            request.addHeader(contact(provider, leg.flow.transport()));
            return request;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build " + method + " for call " + leg.callId, e);
        }
    }

    /** The ACK of a 2xx (RFC 3261 13.2.2.4): its own transaction, with a branch of its own. */
    Request ack(SipProvider provider, Leg leg, long inviteCseq) {
        Request ack = request(provider, leg, Request.ACK, inviteCseq, 70);
        try {
            ((ViaHeader) ack.getHeader(ViaHeader.NAME)).setBranch("z9hG4bK" + UUID.randomUUID().toString().replace("-", ""));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return ack;
    }

    /** {@code status} for the caller's {@code request}, in the caller's dialog (tag {@code localTag}). */
    Response answer(SipProvider provider, Request request, int status, String reason, String localTag,
                    String transport) {
        Response response = replies.create(request, status);
        try {
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            if (localTag != null) {
                ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(localTag);
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad reason phrase or tag: " + reason + " " + localTag, e);
        }
        if (status > 100 && status < 300 && Request.INVITE.equals(request.getMethod())) {
            response.addHeader(contact(provider, transport));
        }
        return response;
    }

    /** The caller's answer relayed from a phone's: its status, reason phrase and body (SDP) as they were. */
    Response relayed(SipProvider provider, Request request, Response from, String localTag, String transport) {
        Response response = answer(provider, request, from.getStatusCode(), from.getReasonPhrase(), localTag,
                transport);
        copyBody(from, response);
        return response;
    }

    static void copyBody(Message from, Message to) {
        byte[] body = from.getRawContent();
        ContentTypeHeader type = (ContentTypeHeader) from.getHeader(ContentTypeHeader.NAME);
        if (body == null || body.length == 0 || type == null) {
            return;
        }
        try {
            to.setContent(body, (ContentTypeHeader) type.clone());
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot copy a body", e);
        }
    }

    /** {@code sdp} as {@code message}'s body: the node's own session description. */
    void setSdp(Message message, String sdp) {
        try {
            message.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Supported: timer} (RFC 4028). */
    Header supportedTimer() {
        try {
            return headers.createSupportedHeader(TIMER);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The caller's 2xx names the agreed session; a caller that refreshes must know it has to
     * ({@code Require: timer}, RFC 4028 9).
     */
    void answerSession(Response ok, SessionTimer session, boolean callerSupportsTimer) {
        ok.setHeader(extension(SESSION_EXPIRES, session.header()));
        try {
            if (callerSupportsTimer) {
                ok.setHeader(headers.createSupportedHeader(TIMER));
            }
            if (session.refresher() == Refresher.UAC) {
                ok.setHeader(headers.createRequireHeader(TIMER));
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code message} says {@code Supported: timer}. */
    static boolean supportsTimer(Message message) {
        ListIterator<?> supported = message.getHeaders(SupportedHeader.NAME);
        while (supported.hasNext()) {
            if (supported.next() instanceof SupportedHeader header && TIMER.equalsIgnoreCase(header.getOptionTag())) {
                return true;
            }
        }
        return false;
    }

    /** The value of {@code message}'s first {@code name} header, as written after the colon; null when absent. */
    static String headerValue(Message message, String name) {
        Header header = message.getHeader(name);
        if (header == null) {
            return null;
        }
        String text = header.toString();
        return text.substring(text.indexOf(':') + 1).strip();
    }

    /** The {@code names} headers of {@code from}, as they are, onto {@code to} (a relayed request or answer). */
    static void copyHeaders(Message from, Message to, String... names) {
        for (String name : names) {
            ListIterator<?> values = from.getHeaders(name);
            while (values.hasNext()) {
                to.addHeader((Header) ((Header) values.next()).clone());
            }
        }
    }

    Header extension(String name, String value) {
        try {
            return headers.createHeader(name, value);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + name + ": " + value, e);
        }
    }

    MaxForwardsHeader maxForwards(int value) throws InvalidArgumentException {
        return headers.createMaxForwardsHeader(Math.max(0, value));
    }

    ViaHeader via(SipProvider provider, Flow flow) throws ParseException, InvalidArgumentException {
        return own.via(provider, flow);
    }

    ContactHeader contact(SipProvider provider, String transport) {
        return own.contact(provider, transport);
    }

    Address routeTo(Flow flow) throws ParseException {
        return own.routeTo(flow);
    }
}
