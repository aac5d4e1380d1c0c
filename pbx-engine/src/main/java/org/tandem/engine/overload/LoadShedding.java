package org.tandem.engine.overload;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import org.tandem.engine.sip.Replies;

import javax.sip.InvalidArgumentException;
import javax.sip.SipStack;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Refuses new work with {@code 503 Service Unavailable} and a Retry-After (RFC 3261 21.5.4) when
 * the engine falls behind, so that it degrades instead of collapsing: past its limit a SIP server
 * that takes every request answers each too late, the phones retransmit, the retransmissions add
 * to the queue, and soon nothing is answered in time. Answering some requests at once with 503
 * keeps the others within their timers.
 *
 * <p>Only the start of new work is refused: a REGISTER, or an INVITE that starts a call or a
 * SUBSCRIBE that starts a subscription (no To tag). Everything that finishes work already begun goes
 * on: requests within calls (BYE, ACK, re-INVITE), subscription refreshes, CANCEL, OPTIONS, responses. In order, as the engine falls further behind:
 * <ol>
 * <li>the UDP queue's oldest message waited {@link Settings#newWorkWait}: REGISTERs and INVITEs
 * without credentials are refused (a phone that has just been challenged still gets through, so
 * the challenge already sent is not wasted);</li>
 * <li>it waited {@link Settings#allWorkWait}: every REGISTER and new INVITE is refused;</li>
 * <li>call records wait for the database beyond their bound: new INVITEs are refused, since a call
 * whose record could not be kept would be a call nobody can bill.</li>
 * </ol>
 * And once the node stops ({@link #nodeStopping()}), every REGISTER and new INVITE is refused, so
 * that phones turn to the pool's other node while the calls up here end.
 * The Retry-After is spread over a range, so refused phones do not all come back at once.
 *
 * <p>It runs as a JAIN-SIP message valve: before the stack matches a transaction or keeps anything
 * for the request, on the stack's worker thread.
 */
public final class LoadShedding implements SIPMessageValve {

    private static final System.Logger LOG = System.getLogger(LoadShedding.class.getName());
    private static final long REPORT_INTERVAL_MILLIS = 10_000;
    /** The queue is looked at no more often than this: a lock on JAIN-SIP's queue per request is avoidable. */
    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /**
     * @param newWorkWait     queue delay from which requests without credentials are refused
     * @param allWorkWait     queue delay from which every REGISTER and new INVITE is refused
     * @param retryAfter      the shortest Retry-After given
     * @param retryAfterRange the Retry-After is spread over this many more seconds
     */
    public record Settings(Duration newWorkWait, Duration allWorkWait, Duration retryAfter, int retryAfterRange) {

        /**
         * Phones send a request again when it got no answer within 500 ms (T1, doubling). Below
         * that the queue costs nothing but latency, and a short stall (the JIT, a collection, a
         * burst) drains by itself. From 500 ms every request taken has been sent twice and the
         * retransmissions add to the queue: requests without credentials are refused, so the queue
         * stops growing while the phones already challenged get through. From 2 s nothing new is
         * taken. 5 to 10 s later the refused phones try again.
         */
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 5);

        public Settings {
            if (newWorkWait.isNegative() || allWorkWait.compareTo(newWorkWait) < 0 || retryAfter.isNegative()
                    || retryAfterRange < 0) {
                throw new IllegalArgumentException("bad load shedding settings: " + this);
            }
        }
    }

    private final Settings settings;
    private final Replies replies;
    private final BooleanSupplier callRecordsBacklogged;
    private volatile LongSupplier queueWaitMillis = () -> 0;
    private volatile long sampledAt = System.nanoTime() - SAMPLE_NANOS;
    private volatile long sampledWait;
    private volatile boolean stopping;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(System.currentTimeMillis() - REPORT_INTERVAL_MILLIS);

    /** @param callRecordsBacklogged whether call records wait for the database beyond their bound */
    public LoadShedding(Settings settings, Replies replies, BooleanSupplier callRecordsBacklogged) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.callRecordsBacklogged = Objects.requireNonNull(callRecordsBacklogged, "call records backlog");
    }

    /**
     * From now on, judge the load by {@code queueWaitMillis}: how long the oldest message has waited
     * for the engine ({@link UdpBacklog#oldestWaitMillis()} once the stack listens).
     */
    public void watch(LongSupplier queueWaitMillis) {
        this.queueWaitMillis = Objects.requireNonNull(queueWaitMillis, "queue wait");
    }

    /** From now on, refuse all new work: the node stops. */
    public void nodeStopping() {
        stopping = true;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        String reason = refusal(request);
        if (reason == null) {
            return true;
        }
        try {
            Response unavailable = replies.create(request, Response.SERVICE_UNAVAILABLE, reason);
            unavailable.addHeader(replies.headers().createRetryAfterHeader((int) settings.retryAfter().toSeconds()
                    + ThreadLocalRandom.current().nextInt(settings.retryAfterRange() + 1)));
            channel.sendMessage((SIPResponse) unavailable);
        } catch (IOException | InvalidArgumentException e) {
            LOG.log(Level.DEBUG, () -> "could not refuse " + request.getMethod() + ": " + e.getMessage());
        }
        if (!stopping) { // the engine says once that it stops; this report is about load
            report(reason);
        }
        return false;
    }

    /** Why {@code request} is refused now, as the 503's reason phrase; null if it is taken. */
    String refusal(Request request) {
        String method = request.getMethod();
        boolean invite = Request.INVITE.equals(method);
        boolean register = Request.REGISTER.equals(method);
        if (!invite && !register && !Request.SUBSCRIBE.equals(method) || ((SIPRequest) request).getToTag() != null) {
            return null;
        }
        if (stopping) {
            return "Node Stopping";
        }
        long waited = queueWait();
        if (waited >= settings.allWorkWait().toMillis()) {
            return "Overloaded";
        }
        if (waited >= settings.newWorkWait().toMillis()
                && request.getHeader(register ? AuthorizationHeader.NAME : ProxyAuthorizationHeader.NAME) == null) {
            return "Overloaded";
        }
        if (invite && callRecordsBacklogged.getAsBoolean()) {
            return "Call Records Backlogged";
        }
        return null;
    }

    private long queueWait() {
        long now = System.nanoTime();
        if (now - sampledAt >= SAMPLE_NANOS) {
            sampledWait = queueWaitMillis.getAsLong();
            sampledAt = now;
        }
        return sampledWait;
    }

    /** One WARN line at most every 10 s while requests are refused. */
    private void report(String reason) {
        long count = refused.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastReport.get();
        if (now - last >= REPORT_INTERVAL_MILLIS && lastReport.compareAndSet(last, now)) {
            refused.addAndGet(-count);
            LOG.log(Level.WARNING, "Refused " + count + " new REGISTER/INVITE/SUBSCRIBE with 503 (" + reason + ") since the "
                    + "last report: SIP messages wait " + sampledWait + " ms for the engine (limits "
                    + settings.newWorkWait().toMillis() + " ms for requests without credentials, "
                    + settings.allWorkWait().toMillis() + " ms for all)");
        }
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void init(SipStack stack) {
        // Added to the stack as an instance (SipEngine), never created by the stack from a class name.
    }

    @Override
    public void destroy() {
    }
}
