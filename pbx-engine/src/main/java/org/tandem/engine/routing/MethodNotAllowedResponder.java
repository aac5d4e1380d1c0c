package org.tandem.engine.routing;

import org.tandem.engine.sip.Replies;

import javax.sip.RequestEvent;
import javax.sip.message.Response;

/**
 * Answers a method the engine does not handle with 405 and the Allow header a 405 must carry
 * (RFC 3261 8.2.1), so the peer learns what it can ask instead of getting a 200 that means nothing.
 */
public final class MethodNotAllowedResponder {

    private final Replies replies;

    public MethodNotAllowedResponder(Replies replies) {
        this.replies = replies;
    }

    public void respond(RequestEvent event) {
        Response response = replies.create(event.getRequest(), Response.METHOD_NOT_ALLOWED);
        replies.allowHeaders().forEach(response::addHeader);
        replies.sendStateless(event, response);
    }
}
