package org.tandem.engine.sip;

import org.tandem.testsupport.ports.FreePorts;

import gov.nist.javax.sip.stack.SIPMessageValve;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A bare JAIN-SIP stack on a free UDP port, made as the engine makes it (branch matching, the
 * one-buffer UDP reader, two workers, a largest message of 40,000 bytes), and a raw UDP peer, so the bytes on the wire are the test's own.
 */
final class BareStack implements AutoCloseable {

    private static final int WORKERS = 2;
    /** Below the 64 KiB a datagram can carry, so that a test can send one over it. */
    static final int MAX_MESSAGE_BYTES = 40_000;

    final BranchMatchedStack stack;
    final SipProvider provider;
    final DatagramSocket peer;
    final int port;

    BareStack(String name, Listener listener, SIPMessageValve... valves) throws Exception {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(WORKERS));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        stack = new BranchMatchedStack(p);
        stack.setMessageProcessorFactory(OneBufferUdpProcessor.factory(WORKERS, MAX_MESSAGE_BYTES));
        for (SIPMessageValve valve : valves) {
            stack.sipMessageValves.add(valve);
        }
        port = FreePorts.udpAndTcp();
        provider = stack.createSipProvider(stack.createListeningPoint("127.0.0.1", port, ListeningPoint.UDP));
        provider.addSipListener(listener);
        stack.start();
        peer = new DatagramSocket(new InetSocketAddress(FreePorts.LOOPBACK, 0));
        peer.setSoTimeout(5_000);
    }

    /** Sends {@code message} from the peer to the stack. */
    void send(String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(bytes, bytes.length, FreePorts.LOOPBACK, port));
    }

    /** The next datagram the peer receives (at most 5 s). */
    DatagramPacket receive() throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        peer.receive(packet);
        return packet;
    }

    static String text(DatagramPacket packet) {
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        peer.close();
        stack.release();
    }

    /** A listener for the events a test cares about; the others are ignored. */
    interface Listener extends SipListener {

        @Override
        default void processRequest(RequestEvent event) {
        }

        @Override
        default void processResponse(ResponseEvent event) {
        }

        @Override
        default void processTimeout(TimeoutEvent event) {
        }

        @Override
        default void processIOException(IOExceptionEvent event) {
        }

        @Override
        default void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        default void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }
}
