package org.tandem.engine.routing;

import org.tandem.engine.sip.Capabilities;
import org.tandem.engine.sip.Replies;

import javax.sip.address.SipURI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.UnsupportedHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The checks every request passes before it is looked at by method, like Kamailio's sanity module.
 * What the stack already enforces is not repeated here: it drops a request without Via, From, To,
 * Call-ID or CSeq, and answers 400 to one whose headers do not parse or whose CSeq method differs
 * from the request line.
 */
public final class SanityCheck {

    private static final String SIP_2_0 = "SIP/2.0";

    private final Replies replies;

    public SanityCheck(Replies replies) {
        this.replies = replies;
    }

    /** The response refusing {@code request}, or empty if it may go on. Never called for ACK. */
    public Optional<Response> rejection(Request request) {
        // Mandatory in every request (RFC 3261 8.1.1) and the only loop protection once calls are
        // forwarded, yet the stack lets a request without it through.
        if (request.getHeader(MaxForwardsHeader.NAME) == null) {
            return Optional.of(badRequest(request, "Missing Max-Forwards"));
        }
        // The stack reads any Request-Line version as SIP/2.0 (its parser drops the error), but the
        // top Via keeps what the sender speaks: refuse what is not SIP 2.0 (RFC 4475 3.1.2.16).
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        if (via != null && !SIP_2_0.equalsIgnoreCase(via.getProtocol())) {
            return Optional.of(replies.create(request, Response.VERSION_NOT_SUPPORTED));
        }
        // Only sip: and sips: addresses can be served (RFC 3261 8.2.2.1).
        if (!(request.getRequestURI() instanceof SipURI)) {
            return Optional.of(replies.create(request, Response.UNSUPPORTED_URI_SCHEME));
        }
        // A CANCEL must be processed whatever it requires (RFC 3261 8.2.2.3).
        if (!Request.CANCEL.equals(request.getMethod())) {
            List<String> unsupported = unsupportedRequirements(request);
            if (!unsupported.isEmpty()) {
                return Optional.of(badExtension(request, unsupported));
            }
        }
        return Optional.empty();
    }

    private Response badRequest(Request request, String reason) {
        Response response = replies.create(request, Response.BAD_REQUEST);
        try {
            response.setReasonPhrase(reason);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad reason phrase: " + reason, e);
        }
        return response;
    }

    private static List<String> unsupportedRequirements(Request request) {
        List<String> unsupported = new ArrayList<>();
        for (Iterator<?> it = request.getHeaders(RequireHeader.NAME); it.hasNext(); ) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (!Capabilities.SUPPORTED_OPTION_TAGS.contains(tag)) {
                unsupported.add(tag);
            }
        }
        return unsupported;
    }

    private Response badExtension(Request request, List<String> unsupported) {
        Response response = replies.create(request, Response.BAD_EXTENSION);
        try {
            for (String tag : unsupported) {
                UnsupportedHeader header = replies.headers().createUnsupportedHeader(tag);
                response.addHeader(header);
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("option tag the stack parsed cannot be echoed: " + unsupported, e);
        }
        return response;
    }
}
