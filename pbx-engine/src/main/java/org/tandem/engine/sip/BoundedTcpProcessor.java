package org.tandem.engine.sip;

import gov.nist.core.HostPort;
import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.NIOHandler;
import gov.nist.javax.sip.stack.NioTcpMessageChannel;
import gov.nist.javax.sip.stack.NioTcpMessageProcessor;
import gov.nist.javax.sip.stack.SIPTransactionStack;

import javax.sip.ListeningPoint;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JAIN-SIP's TCP listening point made safe to expose: JAIN-SIP's own non-blocking transport (one
 * selector thread for every connection, its sending side and outbound connections), with reading
 * and framing of its own ({@link BoundedTcpChannel}), a fixed pool of workers that parse and
 * deliver the messages (each connection a few at a time, in turn), and the {@link TcpLimits}:
 * connections per source address and in total (one over is closed as soon as it is accepted), the
 * largest message, and a sweep on a thread of its own that closes connections idle or stuck in a
 * message for too long. JAIN-SIP's blocking TCP transport, used before, ran two threads per
 * connection and buffered whatever Content-Length announced.
 */
public final class BoundedTcpProcessor extends NioTcpMessageProcessor {

    private final TcpLimits limits;
    /** Serve the connections with messages waiting in turn (first in, first out). */
    private final ThreadPoolExecutor workers;
    /** The idle and partial-message timeouts are enforced on a thread of their own, however busy the workers. */
    private final ScheduledExecutorService sweeper;
    /** The selector thread's read buffer, shared by every connection it reads. */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(16 * 1024);
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Set<BoundedTcpChannel> open = ConcurrentHashMap.newKeySet();

    private BoundedTcpProcessor(InetAddress address, SIPTransactionStack stack, int port, TcpLimits limits,
                                int workers, String threadPrefix) {
        super(address, stack, port);
        this.limits = limits;
        this.nioHandler = new RepairedNioHandler(stack, this);
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                work -> Thread.ofPlatform().daemon().name(threadPrefix + "-TCPWorker-" + threads.getAndIncrement())
                        .unstarted(work),
                new ThreadPoolExecutor.DiscardPolicy()); // refuses only once stopped, when every connection closes
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                work -> Thread.ofPlatform().daemon().name(threadPrefix + "-TCPSweep").unstarted(work));
    }

    /**
     * Listening points whose TCP is this processor, with {@code workers} threads named after
     * {@code stackName}; every other transport is {@code others}'.
     */
    public static MessageProcessorFactory factory(TcpLimits limits, int workers, String stackName,
                                                  MessageProcessorFactory others) {
        if (workers < 1) {
            throw new IllegalArgumentException("the TCP transport needs worker threads, not " + workers);
        }
        return (stack, address, port, transport) -> ListeningPoint.TCP.equalsIgnoreCase(transport)
                ? new BoundedTcpProcessor(address, stack, port, limits, workers, stackName)
                : others.createMessageProcessor(stack, address, port, transport);
    }

    TcpLimits limits() {
        return limits;
    }

    Executor workers() {
        return workers;
    }

    Selector selector() {
        return selector;
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    @Override
    public void start() throws IOException {
        super.start();
        workers.prestartAllCoreThreads(); // all there from the start: their number never changes
        Duration shortest = limits.idleTimeout().compareTo(limits.partialMessageTimeout()) < 0
                ? limits.idleTimeout() : limits.partialMessageTimeout();
        // a timeout is enforced within a quarter of itself, and no sweep runs more often than 10 times a second
        long every = Math.max(100, shortest.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::closeIdleAndStuck, every, every, TimeUnit.MILLISECONDS);
    }

    /** An accepted connection, if its source address and the node have room for it; else it is closed. */
    @Override
    public NioTcpMessageChannel createMessageChannel(NioTcpMessageProcessor processor, SocketChannel client)
            throws IOException {
        InetAddress source = client.socket().getInetAddress();
        if (!admit(source)) {
            client.close();
            throw new IOException("TCP connection from " + source + " refused: over the per-address limit of "
                    + limits.connectionsPerAddress() + " or the limit of " + limits.connections());
        }
        try {
            BoundedTcpChannel channel = new BoundedTcpChannel(this, client);
            nioHandler.putMessageChannel(client, channel);
            open.add(channel);
            return channel;
        } catch (IOException | RuntimeException e) {
            release(source);
            client.close();
            throw e;
        }
    }

    private boolean admit(InetAddress source) {
        if (accepted.incrementAndGet() > limits.connections()) {
            accepted.decrementAndGet();
            return false;
        }
        boolean[] admitted = {false};
        perAddress.compute(source, (address, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < limits.connectionsPerAddress();
            return admitted[0] ? now + 1 : count;
        });
        if (!admitted[0]) {
            accepted.decrementAndGet();
        }
        return admitted[0];
    }

    private void release(InetAddress source) {
        perAddress.computeIfPresent(source, (address, count) -> count > 1 ? count - 1 : null);
        accepted.decrementAndGet();
    }

    /** Called once by each channel whose socket closed. */
    void closed(BoundedTcpChannel channel) {
        if (open.remove(channel) && channel.wasAccepted()) {
            release(channel.source());
        }
    }

    /** Connections opened from here (to a phone's or peer's TCP address) also get the limits. */
    @Override
    public MessageChannel createMessageChannel(HostPort target) throws IOException {
        return createMessageChannel(target.getInetAddress(), target.getPort());
    }

    @Override
    public MessageChannel createMessageChannel(InetAddress host, int port) throws IOException {
        String key = MessageChannel.getKey(host, port, transport);
        MessageChannel existing = messageChannels.get(key);
        return existing != null ? existing : openTo(key, host, port);
    }

    private synchronized MessageChannel openTo(String key, InetAddress host, int port) throws IOException {
        ConnectionOrientedMessageChannel existing = messageChannels.get(key);
        if (existing != null) {
            return existing;
        }
        BoundedTcpChannel channel = new BoundedTcpChannel(host, port, sipStack, this);
        messageChannels.put(key, channel);
        open.add(channel);
        selector.wakeup(); // the new socket waits in JAIN-SIP's change requests to be registered
        return channel;
    }

    private void closeIdleAndStuck() {
        long idleSince = System.currentTimeMillis() - limits.idleTimeout().toMillis();
        long partialNanos = limits.partialMessageTimeout().toNanos();
        for (BoundedTcpChannel channel : List.copyOf(open)) {
            if (channel.getLastActivityTimestamp() < idleSince || channel.midMessageLongerThan(partialNanos)) {
                channel.close();
            }
        }
    }

    @Override
    public void stop() {
        try {
            super.stop();
        } finally {
            sweeper.shutdownNow();
            workers.shutdownNow();
            List.copyOf(open).forEach(BoundedTcpChannel::close);
        }
    }

    /** Connections open now, accepted or opened from here. */
    public int openConnections() {
        return open.size();
    }

    /**
     * JAIN-SIP's connection handler with three of its defects worked around. It keeps its connections
     * in a plain HashMap, touched by the selector thread and by whichever thread closes a connection
     * (here the sweep and the workers too): each access is synchronized. It forgets every connection it
     * opens the moment it has opened it (openOutgoingConnection never marks it connected, and its
     * clean-up then removes it), so each later send opened yet another: the connection is remembered
     * again. And a send that must open a new connection queues the bytes before the new socket is
     * mapped to its channel, so the selector finds no channel and drops them: the socket is opened and
     * mapped first.
     */
    private static final class RepairedNioHandler extends NIOHandler {

        RepairedNioHandler(SIPTransactionStack stack, NioTcpMessageProcessor processor) {
            super(stack, processor);
        }

        @Override
        public SocketChannel createOrReuseSocket(InetAddress address, int port) throws IOException {
            SocketChannel socket = super.createOrReuseSocket(address, port);
            if (socket != null) {
                putSocket(makeKey(address, port), socket);
            }
            return socket;
        }

        @Override
        public SocketChannel sendBytes(InetAddress sender, InetAddress receiver, int port, String transport,
                                       byte[] bytes, boolean retry, NioTcpMessageChannel channel) throws IOException {
            SocketChannel cached = getSocket(makeKey(receiver, port));
            if (cached == null || !cached.isOpen()) {
                SocketChannel opened = createOrReuseSocket(receiver, port);
                if (opened != null) {
                    putMessageChannel(opened, channel);
                }
            }
            return super.sendBytes(sender, receiver, port, transport, bytes, retry, channel);
        }

        @Override
        public synchronized NioTcpMessageChannel getMessageChannel(SocketChannel socket) {
            return super.getMessageChannel(socket);
        }

        @Override
        public synchronized void putMessageChannel(SocketChannel socket, NioTcpMessageChannel channel) {
            super.putMessageChannel(socket, channel);
        }

        @Override
        public synchronized void removeMessageChannel(SocketChannel socket) {
            super.removeMessageChannel(socket);
        }

        @Override
        public synchronized void stop() {
            super.stop();
        }
    }
}
