package org.tandem.engine.routing;

import org.tandem.engine.call.CallHandlers;
import org.tandem.engine.mwi.MessageWaitingLamps;
import org.tandem.engine.options.OptionsResponder;
import org.tandem.engine.registrar.Registrar;
import org.tandem.engine.sip.Replies;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.Optional;

/**
 * Decides what happens to every request, read top to bottom like Kamailio's request_route: sanity
 * first, then by method, each job handed to its own class. Called concurrently from the stack's
 * threads (a reentrant listener), so it and everything it calls must be thread-safe.
 */
public final class RequestRouter implements SipListener {

    private static final System.Logger LOG = System.getLogger(RequestRouter.class.getName());

    private final Replies replies;
    private final SanityCheck sanity;
    private final OptionsResponder options;
    private final Registrar registrar;
    private final CallHandlers calls;
    private final MessageWaitingLamps lamps;
    private final MethodNotAllowedResponder methodNotAllowed;

    public RequestRouter(Replies replies, SanityCheck sanity, OptionsResponder options, Registrar registrar,
                         CallHandlers calls, MessageWaitingLamps lamps, MethodNotAllowedResponder methodNotAllowed) {
        this.replies = replies;
        this.sanity = sanity;
        this.options = options;
        this.registrar = registrar;
        this.calls = calls;
        this.lamps = lamps;
        this.methodNotAllowed = methodNotAllowed;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            // An ACK is never answered (RFC 3261 17.1.1.3): the ACK of a 2xx goes on to the other
            // leg of its call; the ACK of a stateless 4xx (407, 404) concerns nothing and is dropped.
            if (Request.ACK.equals(request.getMethod())) {
                calls.inDialog().request(event);
                return;
            }

            Optional<Response> rejection = sanity.rejection(request);
            if (rejection.isPresent()) {
                replies.sendStateless(event, rejection.get());
                return;
            }

            // Within a call (a To tag): BYE, re-INVITE and the like go to the call's other leg.
            if (isWithinACall(request)) {
                calls.inDialog().request(event);
                return;
            }

            switch (request.getMethod()) {
                case Request.OPTIONS -> options.respond(event);
                case Request.REGISTER -> registrar.register(event);
                case Request.INVITE -> calls.invites().invite(event);
                case Request.CANCEL -> calls.cancels().cancel(event);
                case Request.SUBSCRIBE -> lamps.subscribe(event);
                default -> methodNotAllowed.respond(event);
            }
        } catch (RuntimeException e) {
            // A bug in one job must not reach the stack's thread; the peer's retransmissions will time out.
            LOG.log(System.Logger.Level.ERROR, "failed to handle " + request.getMethod() + " "
                    + request.getRequestURI(), e);
        }
    }

    /**
     * A To tag marks a request within a dialog (RFC 3261 12.2). OPTIONS and REGISTER are answered
     * by this node whatever their To says, as phones send them outside any call; a SUBSCRIBE with a To
     * tag refreshes a subscription, not a call.
     */
    private static boolean isWithinACall(Request request) {
        String method = request.getMethod();
        return !Request.OPTIONS.equals(method) && !Request.REGISTER.equals(method) && !Request.SUBSCRIBE.equals(method)
                && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
    }

    // Responses and timeouts concern the requests calls send to phones; a response to nothing we
    // sent is dropped, as a proxy would.

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            calls.responses().response(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed to handle response " + event.getResponse().getStatusCode(), e);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        try {
            calls.responses().timeout(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed to handle a transaction timeout", e);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }
}
