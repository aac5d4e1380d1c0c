package org.tandem.engine.call;

import org.tandem.domain.call.ActiveCall;
import org.tandem.domain.call.ActiveCallChange;
import org.tandem.domain.call.ActiveCalls;
import org.tandem.engine.failure.DatabaseFailure;

import java.util.List;
import java.util.UUID;

/**
 * Publishes the state of the calls this node handles for live views: ringing, answered, gone. The
 * engine hands it active calls written behind ({@code writebehind.BatchedActiveCalls}), so
 * publishing never waits for the database. A call handed over by another node is published by that
 * node, once, like its record. Called under the call's lock.
 */
final class ActiveCallPublisher {

    private static final System.Logger LOG = System.getLogger(ActiveCallPublisher.class.getName());

    private final ActiveCalls calls;
    private final UUID nodeId;

    ActiveCallPublisher(ActiveCalls calls, UUID nodeId) {
        this.calls = calls;
        this.nodeId = nodeId;
    }

    /** The call rings (once: a ring group's next members ring the same call). */
    void ringing(Call call) {
        if (!call.handedOver() && call.publish()) {
            publish(call, ActiveCallChange.up(state(call)));
        }
    }

    void answered(Call call) {
        if (call.isPublished()) {
            publish(call, ActiveCallChange.up(state(call)));
        }
    }

    void ended(Call call) {
        if (call.unpublish()) {
            publish(call, ActiveCallChange.ended(call.id));
        }
    }

    private ActiveCall state(Call call) {
        return new ActiveCall(call.id, call.tenantId, nodeId, call.caller, call.callee, call.startedAt, call.answeredAt());
    }

    private void publish(Call call, ActiveCallChange change) {
        try {
            calls.apply(List.of(change));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "state of call " + call.id + " not published: "
                    + DatabaseFailure.describe(e));
        }
    }
}
