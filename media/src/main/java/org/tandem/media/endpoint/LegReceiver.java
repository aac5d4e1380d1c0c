package org.tandem.media.endpoint;

import org.tandem.media.codec.G711;
import org.tandem.media.dtmf.Digit;
import org.tandem.media.dtmf.DigitQueue;
import org.tandem.media.dtmf.EventReceiver;
import org.tandem.media.recording.Recorder;
import org.tandem.media.recording.RecordingCounts;
import org.tandem.media.rtcp.ReceptionStatistics;
import org.tandem.media.rtcp.ReportBlock;
import org.tandem.media.rtcp.RtcpReport;
import org.tandem.media.rtp.DropCounts;
import org.tandem.media.rtp.RtpDatagram;
import org.tandem.media.rtp.RtpDatagram.Malformed;
import org.tandem.media.rtp.RtpPacket;
import org.tandem.media.sdp.Negotiation.Agreed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A leg's receiving half, run on the receiver's thread: it checks where each datagram came from and what
 * it is, then records the audio, turns events into digits and keeps the statistics RTCP reports. RTP is
 * taken only from the address and port the SDP negotiated, RTCP only from the port above it: anything
 * else is dropped and counted, so nobody who guesses the port can inject audio into a call or a voicemail.
 */
final class LegReceiver {

    private final MediaSettings settings;
    private final Supplier<Agreed> agreed;
    private final DropCounts<Malformed> malformed = new DropCounts<>(Malformed.class);
    private final DropCounts<LegDrop> drops = new DropCounts<>(LegDrop.class);
    private final AtomicLong received = new AtomicLong();
    private final DigitQueue digits;
    private final EventReceiver events = new EventReceiver();
    /** Guarded by itself: this thread updates it, the pacer's reports it. */
    private final ReceptionStatistics reception = new ReceptionStatistics();
    private volatile RtcpReport lastReport;
    private volatile Consumer<Digit> digitListener = digit -> { };
    /** Guarded by this: the receiver's thread writes, the signalling starts and stops. */
    private Recorder recorder;
    private IOException recordingFailure;

    /** @param agreed what the SDP settled last, read at each datagram (null: nothing yet) */
    LegReceiver(MediaSettings settings, Supplier<Agreed> agreed) {
        this.settings = settings;
        this.agreed = agreed;
        this.digits = new DigitQueue(settings.digitQueue());
    }

    void rtp(ByteBuffer datagram, InetSocketAddress from) {
        Agreed settled = agreed.get();
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
            events.accept(packet).forEach(this::digit);
        }
    }

    /** RTCP comes from the port above the negotiated RTP port (RFC 3550 section 11), or is dropped. */
    void rtcp(ByteBuffer datagram, InetSocketAddress from) {
        Agreed settled = agreed.get();
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
        lastReport = report.get();
        report.get().sender().ifPresent(sender -> {
            synchronized (reception) {
                reception.senderReport(sender.ntpTimestamp(), System.nanoTime());
            }
        });
    }

    /** The block the next report carries about the stream received, none before any RTP came. */
    List<ReportBlock> reportBlocks() {
        synchronized (reception) {
            return reception.hasSource() ? List.of(reception.reportBlock(System.nanoTime())) : List.of();
        }
    }

    /** A digit, by RTP or by signalling: into the queue, and to the listener if the queue took it. */
    void digit(Digit digit) {
        if (digits.add(digit)) {
            digitListener.accept(digit);
        }
    }

    void onDigit(Consumer<Digit> listener) {
        digitListener = Objects.requireNonNull(listener, "listener");
    }

    DigitQueue digits() {
        return digits;
    }

    synchronized void startRecording(Path wav, G711 law) throws IOException {
        stopRecording();
        recorder = new Recorder(wav, law, settings.reorderMillis(), settings.maxRecordingSeconds());
    }

    synchronized Optional<RecordingCounts> stopRecording() throws IOException {
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

    long malformed(Malformed reason) {
        return malformed.of(reason);
    }

    long dropped(LegDrop reason) {
        return drops.of(reason);
    }

    long packetsReceived() {
        return received.get();
    }

    Optional<RtcpReport> lastReport() {
        return Optional.ofNullable(lastReport);
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
}
