package org.tandem.engine.sip;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SIPConstants;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.ServerResponseInterface;

import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.PeerUnavailableException;
import java.util.Properties;

/**
 * A JAIN-SIP stack that matches a response carrying an RFC 3261 branch to its client transaction
 * by that branch alone. JAIN-SIP looks the branch up, and when no transaction has it, tries every
 * client transaction it holds (an RFC 2543 fallback): with about 30 s of transactions kept that is
 * tens of thousands of comparisons, each lower-casing two strings, and a B2BUA receives such
 * responses all the time: a 180 handled after the 200 that ended its transaction, a 200 sent
 * again. Under load this scan took a fifth of the node's CPU (docs/performance.md). For an RFC 3261
 * branch the scan cannot succeed: a transaction matches only on an equal branch (ignoring case)
 * and method, and such a transaction is kept under that same key. So the response goes straight on
 * to the listener without a transaction, exactly where the scan would have ended. Responses with
 * an older branch keep JAIN-SIP's own matching.
 */
public final class BranchMatchedStack extends SipStackImpl {

    public BranchMatchedStack(Properties properties) throws PeerUnavailableException {
        super(properties);
    }

    @Override
    public ServerResponseInterface newSIPServerResponse(SIPResponse response, MessageChannel channel) {
        String key = response.getTransactionId();
        if (!key.startsWith(SIPConstants.BRANCH_MAGIC_COOKIE_LOWER_CASE) || findTransaction(key, false) != null) {
            return super.newSIPServerResponse(response, channel);
        }
        // what the stack does first for every response, kept as it does it (a failing valve drops it)
        try {
            for (SIPMessageValve valve : sipMessageValves) {
                if (!valve.processResponse(response, channel)) {
                    return null;
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return sipMessageFactory.newSIPServerResponse(response, channel);
    }

    /**
     * Stops this stack for good, working around two JAIN-SIP defects. Its stop() throws a
     * NullPointerException on a listening point that failed to bind and then skips the rest, so the
     * timer and event scanner are also stopped here (twice is harmless). And the event scanner, a
     * non-daemon thread, stays blocked on an empty queue even once stopped, which would keep a plain
     * JVM alive and leak a thread per restart: one event that reaches no listener wakes it to find it
     * was stopped.
     */
    public void release() {
        getSipProviders().forEachRemaining(p -> p.removeSipListener(p.getSipListener()));
        EventScanner scanner = getEventScanner();
        try {
            stop();
        } finally {
            getTimer().stop();
            scanner.forceStop();
            scanner.addEvent(new EventWrapper(new IOExceptionEvent(this, "0.0.0.0", 0, ListeningPoint.UDP), null));
        }
    }
}
