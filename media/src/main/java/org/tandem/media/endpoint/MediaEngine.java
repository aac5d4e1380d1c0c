package org.tandem.media.endpoint;

import org.tandem.media.pacing.Pacer;
import org.tandem.media.receive.Receiver;
import org.tandem.media.rtp.MediaPorts;
import org.tandem.media.rtp.PortPair;
import org.tandem.media.sdp.Direction;
import org.tandem.media.sdp.InvalidSdpException;
import org.tandem.media.sdp.LocalSession;
import org.tandem.media.sdp.Negotiation;
import org.tandem.media.sdp.SessionDescription;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A node's media plane: its port range, the one pacer that sends every leg's frames and the one receiver
 * that reads them. The signalling opens a leg per call that needs media (voicemail, a menu, music on hold,
 * a conference); calls between phones never come here.
 */
public final class MediaEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MediaEngine.class.getName());

    private final MediaSettings settings;
    private final String address;
    private final MediaPorts ports;
    private final Pacer pacer;
    private final Receiver receiver;
    private final Set<MediaLeg> legs = ConcurrentHashMap.newKeySet();

    /** Starts the engine's threads; legs receive on {@code address}, which SDP announces. */
    public MediaEngine(MediaSettings settings, InetAddress address) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.address = address.getHostAddress();
        this.ports = new MediaPorts(settings.ports(), address);
        this.pacer = new Pacer((leg, failure) -> LOG.log(Level.WARNING, "a media leg stopped sending", failure));
        this.receiver = new Receiver(settings.maxRtpBytes(),
                (channel, failure) -> LOG.log(Level.WARNING, "a media port stopped being read", failure));
    }

    /** Reads a SIP body as a session description, within the node's size limit. */
    public SessionDescription parse(String body) throws InvalidSdpException {
        return SessionDescription.parse(body, settings.maxSdpBytes());
    }

    /**
     * Opens a leg answering a caller's offer.
     *
     * @throws org.tandem.media.rtp.PortsExhaustedException when no port pair is free (the call gets 503)
     */
    public Opening answer(SessionDescription offer) throws IOException {
        MediaLeg leg = open();
        Negotiation answered = leg.answer(offer);
        if (answered instanceof Negotiation.NotAcceptable(String reason)) {
            leg.close();
            return new Opening.Refused(reason);
        }
        return new Opening.Opened(leg, leg.localDescription());
    }

    /** Opens a leg that makes the offer (its {@link MediaLeg#localDescription()}); the answer goes to {@link MediaLeg#answered}. */
    public MediaLeg offer() throws IOException {
        MediaLeg leg = open();
        leg.offer(Direction.SENDRECV);
        return leg;
    }

    /** Legs open now. */
    public int legCount() {
        return legs.size();
    }

    /** The pacer, whose lateness a bench reads. */
    public Pacer pacer() {
        return pacer;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (MediaLeg leg : legs) {
            leg.close();
        }
        pacer.close();
        receiver.close();
    }

    private MediaLeg open() throws IOException {
        PortPair pair = ports.open();
        MediaLeg leg = new MediaLeg(pair, new LocalSession(address), settings, pacer, receiver, legs::remove);
        legs.add(leg);
        return leg;
    }
}
