package org.tandem.media.endpoint;

import org.tandem.media.codec.G711;
import org.tandem.media.dtmf.Digit;
import org.tandem.media.dtmf.DigitQueue;
import org.tandem.media.dtmf.EventReceiver;
import org.tandem.media.dtmf.EventSender;
import org.tandem.media.dtmf.TelephoneEvent;
import org.tandem.media.pacing.JitterHistogram;
import org.tandem.media.pacing.Pacer;
import org.tandem.media.playback.Source;
import org.tandem.media.rtcp.ReceptionStatistics;
import org.tandem.media.rtcp.ReportBlock;
import org.tandem.media.rtcp.RtcpReport;
import org.tandem.media.receive.Receiver;
import org.tandem.media.recording.Recorder;
import org.tandem.media.recording.RecordingCounts;
import org.tandem.media.rtp.DropCounts;
import org.tandem.media.rtp.PortPair;
import org.tandem.media.rtp.RtpDatagram;
import org.tandem.media.rtp.RtpDatagram.Malformed;
import org.tandem.media.rtp.RtpPacket;
import org.tandem.media.sdp.Direction;
import org.tandem.media.sdp.LocalSession;
import org.tandem.media.sdp.Negotiation;
import org.tandem.media.sdp.Negotiation.Agreed;
import org.tandem.media.sdp.OfferAnswer;
import org.tandem.media.sdp.SessionDescription;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One call's media on this node: a port pair, what the SDP settled, and what the leg plays, records and
 * hears. The signalling drives it from its threads; the pacer sends its frames and the receiver hands it
 * what arrives. RTP is taken only from the address and port the SDP negotiated: anything else is dropped
 * and counted, so nobody who guesses the port can inject audio into a call or a voicemail.
 */
public final class MediaLeg implements AutoCloseable {

    /** RTCP every 5 s (RFC 3550 section 6.2's minimum), at a phase of its own per leg so reports spread out. */
    static final long REPORT_TICKS = 250;
    /** A frame of each law's silence, shared: frames are copied into the datagram, never changed. */
    private static final Map<G711, byte[]> SILENCE = new EnumMap<>(G711.class);
    static {
        for (G711 law : G711.values()) {
            byte[] frame = new byte[G711.FRAME_BYTES];
            Arrays.fill(frame, law.silence());
            SILENCE.put(law, frame);
        }
    }
    /** Seconds between 1900 (NTP's epoch) and 1970. */
    private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private final PortPair ports;
    private final LocalSession session;
    private final MediaSettings settings;
    private final Receiver receiver;
    private final Pacer.Paced paced;
    private final Consumer<MediaLeg> onClose;

    private final DropCounts<Malformed> malformed = new DropCounts<>(Malformed.class);
    private final DropCounts<LegDrop> drops = new DropCounts<>(LegDrop.class);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final DigitQueue digits;
    private final EventReceiver events = new EventReceiver();
    /** Digits to send, each as its list of event payloads. */
    private final Queue<List<TelephoneEvent>> outgoingPresses = new ConcurrentLinkedQueue<>();
    /** Guarded by itself: the receiver's thread updates it, the pacer's reports it. */
    private final ReceptionStatistics reception = new ReceptionStatistics();
    private volatile RtcpReport lastReportReceived;
    private final AtomicLong reportsSent = new AtomicLong();

    /** What the last offer and answer settled; null until the first answer. */
    private volatile Agreed agreed;
    /** This side's offer awaiting its answer. */
    private SessionDescription pendingOffer;
    private SessionDescription local;
    private volatile Source source;
    private volatile Consumer<Source> playFinished = finished -> { };
    private volatile Consumer<Digit> digitListener = digit -> { };
    private Recorder recorder;
    private IOException recordingFailure;
    private volatile boolean closed;

    // the pacer thread's own: what it sends next
    private final long ssrc = ThreadLocalRandom.current().nextLong(1L << 32);
    private final long timestampBase = ThreadLocalRandom.current().nextLong(1L << 32);
    private int sequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private Source playing;
    private long played;
    private boolean marker = true;
    private Iterator<TelephoneEvent> press;
    private long pressTimestamp;
    private final long reportPhase = ThreadLocalRandom.current().nextLong(REPORT_TICKS);
    private long octetsSent;
    private boolean sentSinceReport;
    private final ByteBuffer outgoing;

    MediaLeg(PortPair ports, LocalSession session, MediaSettings settings, Pacer pacer, Receiver receiver,
             Consumer<MediaLeg> onClose) {
        this.ports = ports;
        this.session = session;
        this.settings = settings;
        this.receiver = receiver;
        this.onClose = onClose;
        this.digits = new DigitQueue(settings.digitQueue());
        this.outgoing = ByteBuffer.allocate(settings.maxRtpBytes());
        receiver.add(ports.rtp(), this::receivedRtp);
        receiver.add(ports.rtcp(), this::receivedRtcp);
        this.paced = pacer.add(this::sendFrame);
    }

    /** The description this side sent last (its answer, or its offer). */
    public synchronized SessionDescription localDescription() {
        return local;
    }

    /** The port RTP is received on. */
    public int rtpPort() {
        return ports.rtpPort();
    }

    /**
     * Answers an offer, the first or a re-INVITE's (hold, resume, a new address). If it is not acceptable
     * the leg keeps what it had (the re-INVITE gets 488; the call goes on).
     */
    public synchronized Negotiation answer(SessionDescription offer) {
        Negotiation answer = OfferAnswer.answer(offer, session, ports.rtpPort(), Direction.SENDRECV);
        if (answer instanceof Agreed settled) {
            agreed = settled;
            local = settled.answer();
        }
        return answer;
    }

    /** Makes an offer (or re-offer: {@code sendonly} holds the other side, {@code sendrecv} resumes). */
    public synchronized SessionDescription offer(Direction direction) {
        pendingOffer = OfferAnswer.offer(session, ports.rtpPort(), direction);
        local = pendingOffer;
        return pendingOffer;
    }

    /** Takes the answer to this side's last offer. */
    public synchronized Negotiation answered(SessionDescription answer) {
        if (pendingOffer == null) {
            return new Negotiation.NotAcceptable("an answer came to no offer");
        }
        Negotiation settled = OfferAnswer.answered(pendingOffer, answer);
        if (settled instanceof Agreed accepted) {
            agreed = accepted;
            pendingOffer = null;
        }
        return settled;
    }

    /** What the SDP settled, if it has. */
    public Optional<Agreed> agreed() {
        return Optional.ofNullable(agreed);
    }

    /** Plays {@code played} from the next frame on, instead of what played before. */
    public void play(Source played) {
        source = Objects.requireNonNull(played, "source");
    }

    /** Stops playing; the leg sends silence. */
    public void stopPlaying() {
        source = null;
    }

    /** Told, on the pacer's thread, when a source that ends has played to its end. */
    public void onPlayFinished(Consumer<Source> listener) {
        playFinished = Objects.requireNonNull(listener, "listener");
    }

    /** Records what the other side sends into {@code wav} until {@link #stopRecording()} or close. */
    public synchronized void startRecording(Path wav) throws IOException {
        Agreed settled = agreed;
        if (settled == null) {
            throw new IllegalStateException("nothing to record before the SDP has settled a codec");
        }
        stopRecording();
        recorder = new Recorder(wav, settled.codec(), settings.reorderMillis(), settings.maxRecordingSeconds());
    }

    /**
     * Completes the recording, if one is running, and says what it mended.
     *
     * @throws IOException when the recording could not be written (then the file is incomplete)
     */
    public synchronized Optional<RecordingCounts> stopRecording() throws IOException {
        if (recordingFailure != null) {
            IOException failed = recordingFailure;
            recordingFailure = null;
            throw failed;
        }
        if (recorder == null) {
            return Optional.empty();
        }
        Recorder stopped = recorder;
        recorder = null;
        stopped.close();
        return Optional.of(stopped.counts());
    }

    /** The digits received and not yet taken. */
    public DigitQueue digits() {
        return digits;
    }

    /** Told of each digit the queue took, on the thread that received it. */
    public void onDigit(Consumer<Digit> listener) {
        digitListener = Objects.requireNonNull(listener, "listener");
    }

    /** A digit that came by signalling (a SIP INFO), into the same queue as those by RTP. */
    public void receivedDigit(Digit digit) {
        if (digits.add(digit)) {
            digitListener.accept(digit);
        }
    }

    /**
     * Sends a digit as RFC 4733 events, in place of the audio while it lasts.
     *
     * @return false when the other side took no telephone events in the SDP
     */
    public boolean sendDigit(Digit digit, int durationMillis) {
        Agreed settled = agreed;
        if (settled == null || settled.telephoneEvent().isEmpty()) {
            return false;
        }
        outgoingPresses.add(EventSender.events(digit, durationMillis));
        return true;
    }

    /** Datagrams dropped as not RTP, by reason. */
    public long malformed(Malformed reason) {
        return malformed.of(reason);
    }

    /** Datagrams dropped for another reason. */
    public long dropped(LegDrop reason) {
        return drops.of(reason);
    }

    public long packetsSent() {
        return sent.get();
    }

    public long packetsReceived() {
        return received.get();
    }

    /** The last RTCP report the other side sent, if any. */
    public Optional<RtcpReport> lastReportReceived() {
        return Optional.ofNullable(lastReportReceived);
    }

    /** How late the pacer sent this leg's frames against their deadlines. */
    public JitterHistogram sendLateness() {
        return paced.jitter();
    }

    /** RTCP reports this side sent. */
    public long reportsSent() {
        return reportsSent.get();
    }

    /** Stops sending and receiving, completes any recording and gives the ports back. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        paced.close();
        receiver.remove(ports.rtp());
        receiver.remove(ports.rtcp());
        try {
            stopRecording();
        } finally {
            ports.close();
            onClose.accept(this);
        }
    }

    private void receivedRtp(ByteBuffer datagram, InetSocketAddress from) {
        Agreed settled = agreed;
        if (settled == null || !from.equals(settled.remote())) {
            drops.count(LegDrop.FOREIGN_SOURCE);
            return;
        }
        RtpPacket packet;
        switch (RtpDatagram.read(datagram, settings.maxRtpBytes())) {
            case Malformed reason -> {
                malformed.count(reason);
                return;
            }
            case RtpPacket read -> packet = read;
        }
        if (!settled.direction().receives()) {
            drops.count(LegDrop.NOT_RECEIVING);
            return;
        }
        boolean audio = packet.payloadType() == settled.payloadType();
        if (!audio && settled.telephoneEvent().orElse(-1) != packet.payloadType()) {
            drops.count(LegDrop.UNNEGOTIATED_PAYLOAD);
            return;
        }
        received.incrementAndGet();
        synchronized (reception) {
            reception.received(packet.ssrc(), packet.sequence(), packet.timestamp(),
                    System.nanoTime() / (1_000_000_000L / G711.SAMPLE_RATE));
        }
        if (audio) {
            record(packet);
        } else {
            events.accept(packet).forEach(this::receivedDigit);
        }
    }

    /** RTCP comes from the port above the negotiated RTP port (RFC 3550 section 11), or is dropped. */
    private void receivedRtcp(ByteBuffer datagram, InetSocketAddress from) {
        Agreed settled = agreed;
        if (settled == null || !from.getAddress().equals(settled.remote().getAddress())
                || from.getPort() != settled.remote().getPort() + 1) {
            drops.count(LegDrop.FOREIGN_SOURCE);
            return;
        }
        Optional<RtcpReport> report = RtcpReport.read(datagram, settings.maxRtpBytes());
        if (report.isEmpty()) {
            drops.count(LegDrop.MALFORMED_RTCP);
            return;
        }
        lastReportReceived = report.get();
        report.get().sender().ifPresent(sender -> {
            synchronized (reception) {
                reception.senderReport(sender.ntpTimestamp(), System.nanoTime());
            }
        });
    }

    private synchronized void record(RtpPacket packet) {
        if (recorder == null) {
            return;
        }
        try {
            recorder.accept(packet);
        } catch (IOException failed) {
            // a full disk, say: the recording ends, the call goes on, and stopRecording says why
            recordingFailure = failed;
            Recorder failedRecorder = recorder;
            recorder = null;
            try {
                failedRecorder.close();
            } catch (IOException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
        }
    }

    private void sendFrame(long tick) throws IOException {
        Agreed settled = agreed;
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
        if (press == null && !outgoingPresses.isEmpty() && settled.telephoneEvent().isPresent()) {
            // all of a press's packets carry the timestamp of its start (RFC 4733 section 2.5.1.1)
            press = outgoingPresses.poll().iterator();
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
        List<ReportBlock> blocks;
        synchronized (reception) {
            blocks = reception.hasSource() ? List.of(reception.reportBlock(System.nanoTime())) : List.of();
        }
        Optional<RtcpReport.SenderInfo> sender = Optional.empty();
        if (sentSinceReport) {
            Instant now = Instant.now();
            long ntp = (now.getEpochSecond() + NTP_EPOCH_OFFSET) << 32 | (now.getNano() * (1L << 32) / 1_000_000_000L);
            sender = Optional.of(new RtcpReport.SenderInfo(ntp, timestamp, sent.get() & 0xFFFF_FFFFL,
                    octetsSent & 0xFFFF_FFFFL));
        }
        sentSinceReport = false;
        byte[] report = new RtcpReport(ssrc, sender, blocks).toBytes("tandem@" + session.address());
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
            if (closed) {
                return false;
            }
            throw closedMeanwhile;
        }
    }
}
