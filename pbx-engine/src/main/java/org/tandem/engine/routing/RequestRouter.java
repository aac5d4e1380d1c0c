package org.tandem.engine.routing;

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
    private final MethodNotAllowedResponder methodNotAllowed;

    public RequestRouter(Replies replies, SanityCheck sanity, OptionsResponder options, Registrar registrar,
                         MethodNotAllowedResponder methodNotAllowed) {
        this.replies = replies;
        this.sanity = sanity;
        this.options = options;
        this.registrar = registrar;
        this.methodNotAllowed = methodNotAllowed;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        try {
            // An ACK is never answered (RFC 3261 17.1.1.3). Our answers are stateless, so the ACK
            // to a 405 for an INVITE arrives here too; with no dialogs yet, no ACK needs anything.
            if (Request.ACK.equals(request.getMethod())) {
                return;
            }

            Optional<Response> rejection = sanity.rejection(request);
            if (rejection.isPresent()) {
                replies.sendStateless(event, rejection.get());
                return;
            }

            switch (request.getMethod()) {
                case Request.OPTIONS -> options.respond(event);
                case Request.REGISTER -> registrar.register(event);
                // No INVITE is accepted yet, so a CANCEL can never match a transaction (RFC 3261 9.2).
                case Request.CANCEL -> replies.sendStateless(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                default -> methodNotAllowed.respond(event);
            }
        } catch (RuntimeException e) {
            // A bug in one job must not reach the stack's thread; the peer's retransmissions will time out.
            LOG.log(System.Logger.Level.ERROR, "failed to handle " + request.getMethod() + " "
                    + request.getRequestURI(), e);
        }
    }

    // The engine sends no requests and keeps no dialogs yet; its only transactions are the
    // registrar's server transactions, which end by themselves. So the events below concern nothing
    // it must act on. A stray response is dropped, as a proxy would.

    @Override
    public void processResponse(ResponseEvent event) {
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
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
