package org.tandem.engine.sip;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.header.AllowHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the engine's own responses and sends them. Thread-safe: it holds only JAIN-SIP's factories,
 * which keep no per-message state.
 */
public final class Replies {

    private static final System.Logger LOG = System.getLogger(Replies.class.getName());

    private final MessageFactory messages;
    private final HeaderFactory headers;

    public Replies(MessageFactory messages, HeaderFactory headers) {
        this.messages = messages;
        this.headers = headers;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public MessageFactory messages() {
        return messages;
    }

    /**
     * A response to {@code request} with a To tag (RFC 3261 8.2.6.2). The tag is derived from the
     * transaction, so a retransmitted request gets the very same response.
     */
    public Response create(Request request, int status) {
        try {
            Response response = messages.createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(tagFor(request));
            }
            return response;
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot answer " + request.getMethod() + " with " + status, e);
        }
    }

    private static String tagFor(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        String transaction = via.getBranch() + "/" + callId.getCallId();
        return "t" + Integer.toHexString(transaction.hashCode());
    }

    /** One Allow header value per allowed method, as both 200 to OPTIONS and 405 must carry them. */
    public List<AllowHeader> allowHeaders() {
        List<AllowHeader> allow = new ArrayList<>();
        try {
            for (String method : Capabilities.ALLOWED_METHODS) {
                allow.add(headers.createAllowHeader(method));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("bad method in Capabilities.ALLOWED_METHODS", e);
        }
        return allow;
    }

    /**
     * Sends without a server transaction: cheap for answers that change nothing, as a retransmitted
     * request just gets the same answer again.
     */
    public void sendStateless(RequestEvent event, Response response) {
        try {
            ((SipProvider) event.getSource()).sendResponse(response);
        } catch (SipException e) {
            // The peer may be gone (a closed TCP connection); nothing else can be done for it.
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot send " + response.getStatusCode() + " for "
                    + event.getRequest().getMethod() + ": " + e.getMessage());
        }
    }

    /** A response to {@code request} with {@code status} and a reason phrase of our own. */
    public Response create(Request request, int status, String reasonPhrase) {
        Response response = create(request, status);
        try {
            response.setReasonPhrase(reasonPhrase);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad reason phrase: " + reasonPhrase, e);
        }
        return response;
    }

    /** How long a phone told that this node's database is out of reach waits before it tries here again. */
    public static final int STORAGE_RETRY_AFTER_SECONDS = 30;

    /**
     * 503 with Retry-After: this node cannot serve now (its database is out of reach). The phone
     * retries after {@code seconds} or, following SRV, goes to its pool's other node (RFC 3263 4.3).
     */
    public Response unavailable(Request request, int seconds) {
        Response response = create(request, Response.SERVICE_UNAVAILABLE);
        try {
            response.addHeader(headers.createRetryAfterHeader(seconds));
        } catch (InvalidArgumentException e) {
            throw new IllegalArgumentException("bad Retry-After: " + seconds, e);
        }
        return response;
    }

    /**
     * A server transaction for a request whose answer changes state, so that a retransmission gets
     * the very same answer from the stack instead of being handled again (RFC 3261 17.2.2). Empty if
     * the stack already has one: this is a retransmission of a request still being handled.
     */
    public Optional<ServerTransaction> serverTransaction(RequestEvent event) {
        if (event.getServerTransaction() != null) {
            return Optional.of(event.getServerTransaction());
        }
        try {
            return Optional.of(((SipProvider) event.getSource()).getNewServerTransaction(event.getRequest()));
        } catch (TransactionAlreadyExistsException e) {
            return Optional.empty();
        } catch (SipException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "no server transaction for " + event.getRequest().getMethod()
                    + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Sends the final answer of {@code transaction}; its retransmissions are the stack's job from here. */
    public void send(ServerTransaction transaction, Response response) {
        try {
            transaction.sendResponse(response);
        } catch (SipException | InvalidArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot send " + response.getStatusCode() + " for "
                    + transaction.getRequest().getMethod() + ": " + e.getMessage());
        }
    }

    /** Creates and sends a bare response with {@code status}. */
    public void sendStateless(RequestEvent event, int status) {
        sendStateless(event, create(event.getRequest(), status));
    }
}
