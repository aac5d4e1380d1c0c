package org.tandem.engine.options;

import org.tandem.engine.sip.Capabilities;
import org.tandem.engine.sip.Replies;

import javax.sip.RequestEvent;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Response;
import java.text.ParseException;

/**
 * Answers OPTIONS with 200 and the capabilities RFC 3261 11.2 asks for (Allow, Accept, Supported).
 * Phones and load balancers send OPTIONS as keepalives, so it is answered statelessly.
 */
public final class OptionsResponder {

    private final Replies replies;

    public OptionsResponder(Replies replies) {
        this.replies = replies;
    }

    public void respond(RequestEvent event) {
        Response ok = replies.create(event.getRequest(), Response.OK);
        HeaderFactory headers = replies.headers();
        try {
            replies.allowHeaders().forEach(ok::addHeader);
            ok.addHeader(headers.createAcceptHeader(
                    Capabilities.ACCEPTED_CONTENT_TYPE, Capabilities.ACCEPTED_CONTENT_SUBTYPE));
            ok.addHeader(headers.createSupportedHeader(String.join(", ", Capabilities.SUPPORTED_OPTION_TAGS)));
        } catch (ParseException e) {
            throw new IllegalStateException("Capabilities holds a value that is not valid SIP", e);
        }
        replies.sendStateless(event, ok);
    }
}
