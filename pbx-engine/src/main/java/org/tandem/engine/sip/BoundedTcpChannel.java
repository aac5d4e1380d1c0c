package org.tandem.engine.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import javax.sip.ListeningPoint;
import javax.sip.message.Response;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.text.ParseException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One SIP-over-TCP connection of a {@link BoundedTcpProcessor}: read by the processor's one selector
 * thread and cut into messages by a {@link SipStreamFramer} (never more than the largest message
 * buffered), each message then parsed and handed to the stack on the processor's workers, in the
 * order it came. While a message's worth of bytes waits for the workers, the connection is not read
 * (whatever JAIN-SIP's sending side asks of the selector meanwhile), so a peer that sends faster than
 * the node works is held back by TCP itself; so is one that does not read what the node sends it, as
 * JAIN-SIP reads no connection it has bytes waiting to write to.
 */
final class BoundedTcpChannel extends NioTcpMessageChannel implements SipStreamFramer.Sink {

    private static final System.Logger LOG = System.getLogger(BoundedTcpChannel.class.getName());
    /** Messages of one connection delivered before the worker moves on to the next connection waiting. */
    private static final int MESSAGES_PER_TURN = 4;

    private final BoundedTcpProcessor owner;
    /** Whether this connection holds one of its source address's places (it was accepted, not opened). */
    private final boolean accepted;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile SipStreamFramer framer; // also read by the sweep
    private final Queue<byte[]> waiting = new ArrayDeque<>();
    private int waitingBytes;
    private boolean delivering;
    private boolean readingPaused;
    /** Used only by the worker delivering this connection's messages, one at a time. */
    private MessageParser parser;

    /** A connection a peer opened. */
    BoundedTcpChannel(BoundedTcpProcessor owner, SocketChannel socket) throws IOException {
        super(owner, socket);
        this.owner = owner;
        this.accepted = true;
        messageProcessor = owner;
    }

    /** A connection this node opens to {@code address}:{@code port}. */
    BoundedTcpChannel(InetAddress address, int port, SIPTransactionStack stack, BoundedTcpProcessor owner)
            throws IOException {
        super(address, port, stack, owner);
        this.owner = owner;
        this.accepted = false;
        isCached = true; // as JAIN-SIP marks the channels it opens: kept in the processor's table
    }

    /** Reads what the socket has (on the selector thread) and frames it. */
    @Override
    public void readChannel() {
        isRunning = true;
        synchronized (waiting) {
            if (readingPaused) {
                // JAIN-SIP asked for reading again after a write: not while the workers are behind
                changeReading(false);
                return;
            }
        }
        try {
            ByteBuffer buffer = owner.readBuffer();
            buffer.clear();
            int read = socketChannel.read(buffer);
            if (read < 0) {
                close();
                return;
            }
            lastActivityTimeStamp = System.currentTimeMillis(); // a CRLF keep-alive counts
            framer().feed(buffer.array(), 0, read);
        } catch (SipStreamFramer.TooLargeException e) {
            answerTooLarge(e.head());
            closeFor(e);
        } catch (SipStreamFramer.FramingException | IOException | RuntimeException e) {
            closeFor(e);
        }
    }

    private SipStreamFramer framer() {
        if (framer == null) { // made here: the outbound constructor lets the selector see this channel first
            framer = new SipStreamFramer(owner.limits().maxMessageBytes(), this);
        }
        return framer;
    }

    /** Whether a message began more than {@code nanos} ago and has not ended (read by the sweep). */
    boolean midMessageLongerThan(long nanos) {
        SipStreamFramer current = framer;
        return current != null && current.midMessage() && System.nanoTime() - current.messageStartedNanos() > nanos;
    }

    boolean wasAccepted() {
        return accepted;
    }

    InetAddress source() {
        return peerAddress;
    }

    @Override
    public void message(byte[] message) {
        boolean start;
        synchronized (waiting) {
            waiting.add(message);
            waitingBytes += message.length;
            start = !delivering;
            delivering = true;
            if (waitingBytes >= owner.limits().maxMessageBytes()) {
                readingPaused = true;
                changeReading(false);
            }
        }
        if (start) {
            owner.workers().execute(this::deliverWaiting);
        }
    }

    @Override
    public void keepAlivePing() {
        try {
            sendSingleCLRF();
        } catch (Exception e) {
            closeFor(e);
        }
    }

    /**
     * Delivers a few of this connection's waiting messages, then, if more wait, queues itself behind the
     * other connections' turns: a peer that keeps its queue full holds a worker for one turn, not forever.
     */
    private void deliverWaiting() {
        for (int delivered = 0; ; delivered++) {
            byte[] message;
            synchronized (waiting) {
                if (delivered == MESSAGES_PER_TURN && !waiting.isEmpty()) {
                    owner.workers().execute(this::deliverWaiting);
                    return;
                }
                message = waiting.poll();
                if (message == null) {
                    delivering = false;
                    if (readingPaused) {
                        readingPaused = false;
                        changeReading(true);
                    }
                    return;
                }
                waitingBytes -= message.length;
            }
            deliver(message);
        }
    }

    /** As JAIN-SIP's own TCP reader does: a message that does not parse is dropped, the connection kept. */
    private void deliver(byte[] message) {
        try {
            if (parser == null) {
                parser = sipStack.getMessageParserFactory().createMessageParser(sipStack);
            }
            SIPMessage parsed = parser.parseSIPMessage(message, true, false, this);
            if (parsed != null) {
                processMessage(parsed);
            }
        } catch (ParseException e) {
            LOG.log(Level.DEBUG, "unparsable message over TCP from {0}: {1}", peerAddress, e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "message over TCP from " + peerAddress + " failed", e);
        } finally {
            if (!socketChannel.isOpen()) {
                close(); // JAIN-SIP closes the bare socket on a malformed mandatory header: give back its place
            }
        }
    }

    /** Stops or resumes reading this connection; the selector sees the change at its next select. */
    private void changeReading(boolean read) {
        SelectionKey key = socketChannel.keyFor(owner.selector());
        if (key == null || !key.isValid()) {
            return;
        }
        try {
            // atomic: the selector thread may set the writing interest meanwhile
            if (read) {
                key.interestOpsOr(SelectionKey.OP_READ);
            } else {
                key.interestOpsAnd(~SelectionKey.OP_READ);
            }
            owner.selector().wakeup();
        } catch (RuntimeException e) { // closed meanwhile
            LOG.log(Level.DEBUG, "TCP connection from {0} closed while changing its reading", peerAddress);
        }
    }

    /**
     * RFC 3261 21.5.14: a request whose head could be read gets 513 Message Too Large, written
     * straight to the socket before it closes (a few hundred bytes into an empty send buffer).
     */
    private void answerTooLarge(byte[] head) {
        if (head == null) {
            return;
        }
        try {
            SIPMessage parsed = sipStack.getMessageParserFactory().createMessageParser(sipStack)
                    .parseSIPMessage(head, false, false, null);
            if (parsed instanceof SIPRequest request && !SIPRequest.ACK.equals(request.getMethod())) {
                byte[] answer = request.createResponse(Response.MESSAGE_TOO_LARGE).encodeAsBytes(ListeningPoint.TCP);
                socketChannel.write(ByteBuffer.wrap(answer));
            }
        } catch (ParseException | IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "no 513 for the too large message from {0}: {1}", peerAddress, e.getMessage());
        }
    }

    private void closeFor(Exception reason) {
        LOG.log(Level.DEBUG, "closing the TCP connection from {0}: {1}", peerAddress, reason.getMessage());
        close();
    }

    /** {@code removeSocket} is false only where JAIN-SIP swaps this channel onto a new socket: it lives on. */
    @Override
    protected void close(boolean removeSocket, boolean stopKeepAliveTask) {
        super.close(removeSocket, stopKeepAliveTask);
        if (removeSocket && released.compareAndSet(false, true)) {
            owner.closed(this);
        }
    }
}
