package org.tandem.media.endpoint;

import org.tandem.media.codec.G711;
import org.tandem.media.dtmf.TelephoneEvent;
import org.tandem.media.playback.Source;
import org.tandem.media.rtcp.ReportBlock;
import org.tandem.media.rtcp.RtcpReport;
import org.tandem.media.rtp.PortPair;
import org.tandem.media.rtp.RtpPacket;
import org.tandem.media.sdp.Negotiation.Agreed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A leg's sending half, run by the pacer once a tick: the next frame of what it plays (or silence), a
 * digit's events in place of audio while one is sent, and an RTCP report every 5 s. Its stream state
 * (SSRC, sequence, timestamps, what plays) belongs to the pacer's thread; what others set is volatile
 * or queued.
 */
final class LegSender {

    /** RTCP every 5 s (RFC 3550 section 6.2's minimum), at a phase of its own per leg so reports spread out. */
    static final long REPORT_TICKS = 250;
    /** Seconds between 1900 (NTP's epoch) and 1970. */
    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;
    /** A frame of each law's silence, shared: frames are copied into the datagram, never changed. */
    private static final Map<G711, byte[]> SILENCE = new EnumMap<>(G711.class);

    static {
        for (G711 law : G711.values()) {
            byte[] frame = new byte[G711.FRAME_BYTES];
            Arrays.fill(frame, law.silence());
            SILENCE.put(law, frame);
        }
    }

    private final PortPair ports;
    private final String cname;
    private final Supplier<List<ReportBlock>> reportBlocks;
    private final BooleanSupplier closed;
    private final ByteBuffer outgoing;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong reportsSent = new AtomicLong();
    /** Digits to send, each as its list of event payloads. */
    private final Queue<List<TelephoneEvent>> presses = new ConcurrentLinkedQueue<>();
    private volatile Source source;
    private volatile Consumer<Source> playFinished = finished -> { };

    private final long ssrc = ThreadLocalRandom.current().nextLong(1L << 32);
    private final long timestampBase = ThreadLocalRandom.current().nextLong(1L << 32);
    private final long reportPhase = ThreadLocalRandom.current().nextLong(REPORT_TICKS);
    private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private Source playing;
    private long played;
    private boolean marker = true;
    private Iterator<TelephoneEvent> press;
    private long pressTimestamp;
    private long octetsSent;
    private boolean sentSinceReport;

    /**
     * @param reportBlocks what the leg's receiving half reports on (called on the pacer's thread)
     * @param closed       whether the leg is closing (a send on its closed channel is then no failure)
     */
    LegSender(PortPair ports, String cname, int maxDatagramBytes, Supplier<List<ReportBlock>> reportBlocks,
              BooleanSupplier closed) {
        this.ports = ports;
        this.cname = cname;
        this.reportBlocks = reportBlocks;
        this.closed = closed;
        this.outgoing = ByteBuffer.allocate(maxDatagramBytes);
    }

    void play(Source played) {
        source = Objects.requireNonNull(played, "source");
    }

    void stopPlaying() {
        source = null;
    }

    void onPlayFinished(Consumer<Source> listener) {
        playFinished = Objects.requireNonNull(listener, "listener");
    }

    void queue(List<TelephoneEvent> pressEvents) {
        presses.add(pressEvents);
    }

    long packetsSent() {
        return sent.get();
    }

    long reportsSent() {
        return reportsSent.get();
    }

    /** What the pacer runs each tick, with what the SDP settled last (null: nothing yet). */
    void sendFrame(long tick, Agreed settled) throws IOException {
        if (settled == null || settled.remote().getAddress().isAnyLocalAddress()) {
            return;
        }
        long timestamp = (timestampBase + tick * G711.FRAME_BYTES) & 0xFFFF_FFFFL;
        // reports go on while held: they tell the other side this leg is alive
        if (tick % REPORT_TICKS == reportPhase) {
            sendReport(settled, timestamp);
        }
        if (!settled.direction().sends()) {
            return;
        }
        if (press == null && !presses.isEmpty() && settled.telephoneEvent().isPresent()) {
            // all of a press's packets carry the timestamp of its start (RFC 4733 section 2.5.1.1)
            press = presses.poll().iterator();
            pressTimestamp = timestamp;
            marker = true;
        }
        if (press != null) {
            send(RtpPacket.audio(nextMarker(), settled.telephoneEvent().getAsInt(), nextSequence(), pressTimestamp,
                    ssrc, press.next().toBytes()), settled.remote());
            if (!press.hasNext()) {
                press = null;
                marker = true;
            }
            return;
        }
        send(RtpPacket.audio(nextMarker(), settled.payloadType(), nextSequence(), timestamp, ssrc,
                nextFrame(settled.codec(), tick)), settled.remote());
    }

    /** An SR if this leg sent RTP since its last report, else an RR (RFC 3550 section 6.4). */
    private void sendReport(Agreed settled, long timestamp) throws IOException {
        Optional<RtcpReport.SenderInfo> sender = Optional.empty();
        if (sentSinceReport) {
            Instant now = Instant.now();
            long ntp = (now.getEpochSecond() + NTP_EPOCH_OFFSET) << 32 | (now.getNano() * (1L << 32) / 1_000_000_000L);
            sender = Optional.of(new RtcpReport.SenderInfo(ntp, timestamp, sent.get() & 0xFFFF_FFFFL,
                    octetsSent & 0xFFFF_FFFFL));
        }
        sentSinceReport = false;
        byte[] report = new RtcpReport(ssrc, sender, reportBlocks.get()).toBytes(cname);
        InetSocketAddress to = new InetSocketAddress(settled.remote().getAddress(), settled.remote().getPort() + 1);
        if (send(ports.rtcp(), ByteBuffer.wrap(report), to)) {
            reportsSent.incrementAndGet();
        }
    }

    private byte[] nextFrame(G711 law, long tick) {
        Source current = source;
        if (current != playing) {
            playing = current;
            played = 0;
            marker = true;
        }
        byte[] frame = current == null ? null : current.frame(played++, tick);
        if (current != null && frame == null) {
            // the source ended: say so once, and send silence until told otherwise
            if (source == current) {
                source = null;
            }
            playing = null;
            playFinished.accept(current);
        }
        if (frame == null) {
            return SILENCE.get(law);
        }
        if (current.law() == law) {
            return frame;
        }
        byte[] translated = new byte[frame.length];
        for (int i = 0; i < frame.length; i++) {
            translated[i] = current.law().translate(frame[i], law);
        }
        return translated;
    }

    private boolean nextMarker() {
        boolean set = marker;
        marker = false;
        return set;
    }

    private int nextSequence() {
        int next = sequence;
        sequence = (sequence + 1) & 0xFFFF;
        return next;
    }

    private void send(RtpPacket packet, InetSocketAddress to) throws IOException {
        outgoing.clear();
        packet.write(outgoing);
        outgoing.flip();
        if (send(ports.rtp(), outgoing, to)) {
            sent.incrementAndGet();
            octetsSent += packet.payload().length;
            sentSinceReport = true;
        }
    }

    /** False when the socket's buffer is full (the datagram is lost, as on the wire) or the leg just closed. */
    private boolean send(DatagramChannel channel, ByteBuffer datagram, InetSocketAddress to) throws IOException {
        try {
            return channel.send(datagram, to) > 0;
        } catch (ClosedChannelException closedMeanwhile) {
            if (closed.getAsBoolean()) {
                return false;
            }
            throw closedMeanwhile;
        }
    }
}
