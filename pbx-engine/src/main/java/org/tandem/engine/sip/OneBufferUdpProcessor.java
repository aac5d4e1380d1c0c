package org.tandem.engine.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;
import gov.nist.javax.sip.stack.UDPMessageProcessor;

import javax.sip.ListeningPoint;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedList;

/**
 * JAIN-SIP's UDP listening point, reading every datagram into one buffer. JAIN-SIP's own reader
 * allocates a new buffer of the largest datagram (64 KiB) for each datagram it receives, and its worker
 * then copies the message out of it: with about 20 datagrams per call that was 60 % of all the bytes
 * the node allocated, and the collector ran that much more often (docs/performance.md). This reader
 * copies each message out at its own length before queueing it; the queue, the worker threads (named
 * as JAIN-SIP names them) and the sending side are JAIN-SIP's own. A datagram longer than the largest
 * message allowed ({@link TcpLimits#maxMessageBytes()}) is dropped before it is copied.
 */
public final class OneBufferUdpProcessor extends UDPMessageProcessor {

    private static final System.Logger LOG = System.getLogger(OneBufferUdpProcessor.class.getName());

    private final int workers;
    private final int maxMessageBytes;

    private OneBufferUdpProcessor(InetAddress address, SIPTransactionStack stack, int port, int workers,
                                  int maxMessageBytes) throws IOException {
        super(address, stack, port);
        this.workers = workers;
        this.maxMessageBytes = maxMessageBytes;
        messageChannels = new LinkedList<UDPMessageChannel>(); // what stop() closes, even before start()
    }

    /**
     * The listening points of a stack whose {@code gov.nist.javax.sip.THREAD_POOL_SIZE} is
     * {@code workers}: the stack keeps that number to itself, and the UDP reader starts those threads.
     * Datagrams over {@code maxMessageBytes} are dropped.
     */
    public static MessageProcessorFactory factory(int workers, int maxMessageBytes) {
        if (workers < 1) {
            throw new IllegalArgumentException("the UDP reader needs worker threads, not " + workers);
        }
        MessageProcessorFactory jainSip = new OIOMessageProcessorFactory();
        return (stack, address, port, transport) -> {
            if (!ListeningPoint.UDP.equalsIgnoreCase(transport)) {
                return jainSip.createMessageProcessor(stack, address, port, transport);
            }
            OneBufferUdpProcessor processor = new OneBufferUdpProcessor(address, stack, port, workers, maxMessageBytes);
            sendFromListeningSocket(stack);
            return processor;
        };
    }

    /**
     * What JAIN-SIP's own factory sets when it makes a UDP listening point, and only it can (the flag
     * is package-private): without it every message would be sent from a new socket of its own.
     */
    private static void sendFromListeningSocket(SIPTransactionStack stack) {
        try {
            Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            flag.setBoolean(stack, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot make JAIN-SIP send UDP from its listening socket", e);
        }
    }

    /** Starts the workers, then the reader (JAIN-SIP's starts them from the reader, where stop() can miss them). */
    @Override
    public void start() throws IOException {
        String stackName = ((SipStackImpl) sipStack).getStackName();
        for (int i = 0; i < workers; i++) {
            // each starts its thread, which takes datagrams from this processor's queue
            messageChannels.add(new UDPMessageChannel(sipStack, this, stackName + "-UDPMessageChannelThread-" + i) { });
        }
        super.start();
    }

    @Override
    public void run() {
        byte[] buffer = new byte[SipStackImpl.MAX_DATAGRAM_SIZE];
        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
        while (isRunning) {
            try {
                received.setLength(buffer.length);
                sock.receive(received);
                int length = received.getLength();
                if (length > maxMessageBytes) {
                    continue;
                }
                DatagramPacket message = new DatagramPacket(Arrays.copyOf(buffer, length), length,
                        received.getAddress(), received.getPort());
                messageQueue.offer(new DatagramQueuedMessageDispatch(message, System.currentTimeMillis()));
            } catch (IOException | RuntimeException e) {
                if (!isRunning) {
                    return; // stop() closed the socket
                }
                LOG.log(Level.WARNING, "UDP receive on port " + getPort() + " failed; reading on", e);
            }
        }
    }
}
