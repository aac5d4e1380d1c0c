package org.tandem.engine.registrar;

import org.tandem.domain.registration.Flow;

import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a REGISTER asks for, read once its sender is authenticated: the contacts to bind or remove
 * (or {@code *}: all of them), the expiry asked for, and the Call-ID and CSeq that order it among the
 * phone's REGISTERs. No Contact at all is a query for the current bindings.
 */
record RegisterRequest(Flow source, String callId, long cseq, String userAgent, OptionalLong expiresHeader,
                       boolean wildcard, List<RequestedContact> contacts) {

    static final int MAX_CONTACT_LENGTH = 1024;
    static final int MAX_CALL_ID_LENGTH = 256;
    static final int MAX_USER_AGENT_LENGTH = 256;
    static final int MAX_INSTANCE_LENGTH = 256;

    /** @throws RejectedRegister 400 if the contacts make no sense (RFC 3261 10.3 step 6) */
    static RegisterRequest of(Request request, Flow source) {
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        if (callId.length() > MAX_CALL_ID_LENGTH) {
            throw new RejectedRegister(Response.BAD_REQUEST, "Call-ID Too Long");
        }
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        ExpiresHeader expires = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        OptionalLong expiresHeader = expires == null ? OptionalLong.empty() : OptionalLong.of(expires.getExpires());

        boolean wildcard = false;
        List<RequestedContact> contacts = new ArrayList<>();
        for (Iterator<?> it = request.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            ContactHeader contact = (ContactHeader) it.next();
            if (contact.isWildCard()) {
                wildcard = true;
            } else {
                contacts.add(requested(contact));
            }
        }
        // "*" removes every binding, so it must stand alone and mean it (RFC 3261 10.2.2, 10.3 step 6)
        if (wildcard && (!contacts.isEmpty() || expiresHeader.isEmpty() || expiresHeader.getAsLong() != 0)) {
            throw new RejectedRegister(Response.BAD_REQUEST, "Contact * Needs Expires 0 And No Other Contact");
        }
        return new RegisterRequest(source, callId, cseq, userAgent(request), expiresHeader, wildcard,
                List.copyOf(contacts));
    }

    private static RequestedContact requested(ContactHeader contact) {
        URI uri = contact.getAddress().getURI();
        // Only a SIP address can be called back; a tel: or mailto: binding would never ring.
        if (!(uri instanceof SipURI)) {
            throw new RejectedRegister(Response.BAD_REQUEST, "Contact Must Be A SIP URI");
        }
        String text = uri.toString();
        if (text.length() > MAX_CONTACT_LENGTH) {
            throw new RejectedRegister(Response.BAD_REQUEST, "Contact Too Long");
        }
        String instance = contact.getParameter("+sip.instance");
        if (instance != null && (instance.isEmpty() || instance.length() > MAX_INSTANCE_LENGTH)) {
            throw new RejectedRegister(Response.BAD_REQUEST, "Bad +sip.instance");
        }
        return new RequestedContact(text, instance, contact.getExpires());
    }

    private static String userAgent(Request request) {
        UserAgentHeader header = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
        if (header == null) {
            return null;
        }
        StringBuilder products = new StringBuilder();
        header.getProduct().forEachRemaining(product -> products.append(products.isEmpty() ? "" : " ").append(product));
        String text = products.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= MAX_USER_AGENT_LENGTH ? text : text.substring(0, MAX_USER_AGENT_LENGTH);
    }

    /** A REGISTER without Contact only asks which bindings there are (RFC 3261 10.2.3). */
    boolean isQuery() {
        return !wildcard && contacts.isEmpty();
    }
}
