package org.tandem.media.endpoint;

import org.tandem.media.dtmf.Digit;
import org.tandem.media.dtmf.DigitQueue;
import org.tandem.media.dtmf.EventSender;
import org.tandem.media.pacing.JitterHistogram;
import org.tandem.media.pacing.Pacer;
import org.tandem.media.playback.Source;
import org.tandem.media.receive.Receiver;
import org.tandem.media.recording.RecordingCounts;
import org.tandem.media.rtcp.RtcpReport;
import org.tandem.media.rtp.PortPair;
import org.tandem.media.rtp.RtpDatagram.Malformed;
import org.tandem.media.sdp.Direction;
import org.tandem.media.sdp.LocalSession;
import org.tandem.media.sdp.Negotiation;
import org.tandem.media.sdp.Negotiation.Agreed;
import org.tandem.media.sdp.OfferAnswer;
import org.tandem.media.sdp.SessionDescription;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One call's media on this node: a port pair, what the SDP settled, and what the leg plays, records and
 * hears. The signalling drives it from its threads; the pacer runs its {@link LegSender} and the receiver
 * its {@link LegReceiver}, both reading the settled SDP afresh each time, so a re-INVITE takes effect at
 * the next frame.
 */
public final class MediaLeg implements AutoCloseable {

    private final PortPair ports;
    private final LocalSession session;
    private final Receiver receiver;
    private final Consumer<MediaLeg> onClose;
    private final LegReceiver incoming;
    private final LegSender outgoing;
    private final Pacer.Paced paced;

    /** What the last offer and answer settled; null until the first answer. */
    private volatile Agreed agreed;
    /** This side's offer awaiting its answer. */
    private SessionDescription pendingOffer;
    private SessionDescription local;
    private volatile boolean closed;

    MediaLeg(PortPair ports, LocalSession session, MediaSettings settings, Pacer pacer, Receiver receiver,
             Consumer<MediaLeg> onClose) {
        this.ports = ports;
        this.session = session;
        this.receiver = receiver;
        this.onClose = onClose;
        this.incoming = new LegReceiver(settings, () -> agreed);
        this.outgoing = new LegSender(ports, "tandem@" + session.address(), settings.maxRtpBytes(),
                incoming::reportBlocks, () -> closed);
        receiver.add(ports.rtp(), incoming::rtp);
        receiver.add(ports.rtcp(), incoming::rtcp);
        this.paced = pacer.add(tick -> outgoing.sendFrame(tick, agreed));
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

    /** Plays {@code source} from the next frame on, instead of what played before. */
    public void play(Source source) {
        outgoing.play(source);
    }

    /** Stops playing; the leg sends silence. */
    public void stopPlaying() {
        outgoing.stopPlaying();
    }

    /** Told, on the pacer's thread, when a source that ends has played to its end. */
    public void onPlayFinished(Consumer<Source> listener) {
        outgoing.onPlayFinished(listener);
    }

    /** Records what the other side sends into {@code wav} until {@link #stopRecording()} or close. */
    public void startRecording(Path wav) throws IOException {
        Agreed settled = agreed;
        if (settled == null) {
            throw new IllegalStateException("nothing to record before the SDP has settled a codec");
        }
        incoming.startRecording(wav, settled.codec());
    }

    /**
     * Completes the recording, if one is running, and says what it mended.
     *
     * @throws IOException when the recording could not be written (then the file is incomplete)
     */
    public Optional<RecordingCounts> stopRecording() throws IOException {
        return incoming.stopRecording();
    }

    /** The digits received and not yet taken. */
    public DigitQueue digits() {
        return incoming.digits();
    }

    /** Told of each digit the queue took, on the thread that received it. */
    public void onDigit(Consumer<Digit> listener) {
        incoming.onDigit(listener);
    }

    /** A digit that came by signalling (a SIP INFO), into the same queue as those by RTP. */
    public void receivedDigit(Digit digit) {
        incoming.digit(digit);
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
        outgoing.queue(EventSender.events(digit, durationMillis));
        return true;
    }

    /** Datagrams dropped as not RTP, by reason. */
    public long malformed(Malformed reason) {
        return incoming.malformed(reason);
    }

    /** Datagrams dropped for another reason. */
    public long dropped(LegDrop reason) {
        return incoming.dropped(reason);
    }

    public long packetsSent() {
        return outgoing.packetsSent();
    }

    public long packetsReceived() {
        return incoming.packetsReceived();
    }

    /** The last RTCP report the other side sent, if any. */
    public Optional<RtcpReport> lastReportReceived() {
        return incoming.lastReport();
    }

    /** RTCP reports this side sent. */
    public long reportsSent() {
        return outgoing.reportsSent();
    }

    /** How late the pacer sent this leg's frames against their deadlines. */
    public JitterHistogram sendLateness() {
        return paced.jitter();
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
            incoming.stopRecording();
        } finally {
            ports.close();
            onClose.accept(this);
        }
    }
}
