package org.tandem.engine.sip;

import javax.sip.message.Request;
import java.util.List;
import java.util.Set;

/**
 * What this engine tells peers it can do, in one place so OPTIONS, 405 and 420 answers never disagree.
 * Each increment that handles a new method or extension adds it here.
 */
public final class Capabilities {

    /** Product token of the Server header. */
    public static final String PRODUCT = "Tandem";

    /** Methods the engine answers; any other gets 405 listing these. */
    public static final List<String> ALLOWED_METHODS = List.of(Request.INVITE, Request.ACK, Request.BYE,
            Request.CANCEL, Request.OPTIONS, Request.REGISTER, Request.SUBSCRIBE);

    /** SIP extensions (option tags) implemented: none yet, so any Require is refused with 420. */
    public static final Set<String> SUPPORTED_OPTION_TAGS = Set.of();

    /** Body types accepted in requests: SDP, for the calls to come. */
    public static final String ACCEPTED_CONTENT_TYPE = "application";
    public static final String ACCEPTED_CONTENT_SUBTYPE = "sdp";

    private Capabilities() {
    }
}
