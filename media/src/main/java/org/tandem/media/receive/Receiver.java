package org.tandem.media.receive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The one thread that reads every leg's RTP and RTCP ports: a selector over all of them, not a thread per
 * leg (a thousand legs would be two thousand threads). Channels are added and removed from any thread;
 * the selector's thread does the actual (de)registration, so no caller waits on a select in progress.
 */
public final class Receiver implements AutoCloseable {

    /** Datagrams read from one channel before the others get their turn: one flooded port cannot starve them. */
    static final int BURST = 16;

    private final Selector selector;
    private final ByteBuffer buffer;
    private final Queue<Runnable> changes = new ConcurrentLinkedQueue<>();
    private final AtomicLong datagrams = new AtomicLong();
    private final BiConsumer<DatagramChannel, Exception> onFailure;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Starts the receiver's thread.
     *
     * @param maxDatagramBytes the longest datagram a handler is given whole (TANDEM_MEDIA_RTP_MAX_BYTES)
     * @param onFailure        told when reading a channel or its handler fails; the channel is then dropped
     */
    public Receiver(int maxDatagramBytes, BiConsumer<DatagramChannel, Exception> onFailure) throws IOException {
        this.selector = Selector.open();
        this.buffer = ByteBuffer.allocateDirect(maxDatagramBytes + 1);
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.thread = Thread.ofPlatform().name("media-receiver").daemon().unstarted(this::run);
        thread.start();
    }

    /** Hands every datagram {@code channel} gets to {@code handler} until {@link #remove} or the channel closes. */
    public void add(DatagramChannel channel, DatagramHandler handler) {
        Objects.requireNonNull(handler, "handler");
        change(() -> {
            try {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, handler);
            } catch (ClosedChannelException closedBeforeItsTurn) {
                // a leg opened and closed at once (an offer refused): nothing to read
            } catch (IOException failed) {
                onFailure.accept(channel, failed);
            }
        });
    }

    /** Stops reading {@code channel} (the channel stays open). */
    public void remove(DatagramChannel channel) {
        change(() -> {
            SelectionKey key = channel.keyFor(selector);
            if (key != null) {
                key.cancel();
            }
        });
    }

    /** Datagrams read since the start. */
    public long datagrams() {
        return datagrams.get();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        running = false;
        selector.wakeup();
        thread.join();
        selector.close();
    }

    private void change(Runnable change) {
        changes.add(change);
        selector.wakeup();
    }

    private void run() {
        while (running) {
            try {
                selector.select();
            } catch (IOException failed) {
                throw new UncheckedIOException("the media receiver's selector failed", failed);
            }
            for (Runnable change; (change = changes.poll()) != null; ) {
                change.run();
            }
            for (SelectionKey key : selector.selectedKeys()) {
                read(key);
            }
            selector.selectedKeys().clear();
        }
    }

    private void read(SelectionKey key) {
        DatagramChannel channel = (DatagramChannel) key.channel();
        DatagramHandler handler = (DatagramHandler) key.attachment();
        try {
            for (int i = 0; i < BURST; i++) {
                buffer.clear();
                InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
                if (source == null) {
                    return;
                }
                datagrams.incrementAndGet();
                buffer.flip();
                handler.received(buffer, source);
            }
        } catch (ClosedChannelException closed) {
            key.cancel();
        } catch (IOException | RuntimeException failed) {
            key.cancel();
            onFailure.accept(channel, failed);
        }
    }
}
