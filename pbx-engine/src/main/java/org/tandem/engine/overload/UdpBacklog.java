package org.tandem.engine.overload;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.QueuedMessageDispatchBase;
import gov.nist.javax.sip.stack.UDPMessageProcessor;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;

/**
 * How far behind the stack is: how long the oldest UDP message has been waiting in JAIN-SIP's
 * queue for one of its worker threads. The reader thread puts every datagram in that queue as it
 * arrives (with the time it arrived) and the workers parse and handle them in order, so this is the
 * delay every new message will see. The queue is not public: it is read from the stack's own field.
 */
public final class UdpBacklog {

    private final List<Queue<?>> queues;

    private UdpBacklog(List<Queue<?>> queues) {
        this.queues = List.copyOf(queues);
    }

    /**
     * The backlog of {@code stack}'s UDP listening points, as created so far.
     *
     * @throws IllegalStateException if this JAIN-SIP keeps its queue elsewhere (a version the engine does not know)
     */
    public static UdpBacklog of(SipStackImpl stack) {
        List<Queue<?>> queues = new ArrayList<>();
        for (Iterator<?> points = stack.getListeningPoints(); points.hasNext(); ) {
            if (((ListeningPointImpl) points.next()).getMessageProcessor() instanceof UDPMessageProcessor udp) {
                queues.add(queueOf(udp));
            }
        }
        return new UdpBacklog(queues);
    }

    private static Queue<?> queueOf(UDPMessageProcessor processor) {
        try {
            Field field = UDPMessageProcessor.class.getDeclaredField("messageQueue");
            field.setAccessible(true);
            return (Queue<?>) field.get(processor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read JAIN-SIP's UDP message queue", e);
        }
    }

    /** Milliseconds the oldest waiting UDP message has waited; 0 when none waits. */
    public long oldestWaitMillis() {
        long now = System.currentTimeMillis();
        long oldest = 0;
        for (Queue<?> queue : queues) {
            if (queue.peek() instanceof QueuedMessageDispatchBase head) {
                oldest = Math.max(oldest, now - head.getReceptionTime());
            }
        }
        return oldest;
    }
}
