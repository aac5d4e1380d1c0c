package org.tandem.engine.call;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The calls this node has up, as a whole, for when the node stops: {@link #awaitEnded} gives them
 * the grace to end by themselves, {@link #endAll} ends the rest, so that every call a stopping node
 * handled is recorded before its call records are written for the last time.
 */
public final class CallsInProgress {

    private static final System.Logger LOG = System.getLogger(CallsInProgress.class.getName());
    private static final long POLL_MILLIS = 50;

    private final Calls calls;
    private final CallControl control;

    CallsInProgress(Calls calls, CallControl control) {
        this.calls = calls;
        this.control = control;
    }

    /** Waits, for at most {@code grace}, until no call is up; whether none is. */
    public boolean awaitEnded(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!calls.isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /** How many calls are up now. */
    public int count() {
        return calls.all().size();
    }

    /** Ends every call still up (CANCEL and 503 while ringing, BYE once answered) and records it; how many there were. */
    public int endAll() {
        int ended = 0;
        for (Call call : calls.all()) {
            synchronized (call) {
                if (!call.isEnded()) {
                    control.handle(call, new CallEvent.NodeStops());
                    ended++;
                }
            }
        }
        if (ended > 0) {
            LOG.log(Level.INFO, "Ended {0} call(s) still up as the node stops; each is recorded", ended);
        }
        return ended;
    }

    /** Drops the calls' pending timeouts; call once every call has ended. */
    public void close() {
        control.close();
    }
}
