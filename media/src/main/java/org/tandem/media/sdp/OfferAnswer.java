package org.tandem.media.sdp;

import org.tandem.media.codec.G711;
import org.tandem.media.sdp.Negotiation.Agreed;
import org.tandem.media.sdp.Negotiation.NotAcceptable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The offer/answer model (RFC 3264) for one audio stream of G.711 and, when both take it, RFC 4733
 * telephone events. The answer keeps the offerer's order of preference, takes the first audio section it
 * can use and refuses every other section (port 0), as a B2BUA's media leg must.
 */
public final class OfferAnswer {

    /** The dynamic payload type this side offers telephone events under. */
    public static final int TELEPHONE_EVENT = 101;
    /** The packet length this side sends and asks for: one 160-byte G.711 frame. */
    public static final int PTIME_MILLIS = 20;
    /** Events this side takes: the sixteen DTMF digits (RFC 4733 section 3.2). */
    static final String EVENTS = "0-15";
    private static final String TELEPHONE_EVENT_NAME = "telephone-event";

    private OfferAnswer() {
    }

    /**
     * Answers {@code offer}.
     *
     * @param port   the RTP port this side receives on
     * @param wanted what this side would do if the offerer allowed it ({@code sendonly} to hold them)
     */
    public static Negotiation answer(SessionDescription offer, LocalSession local, int port, Direction wanted) {
        List<MediaDescription> answered = new ArrayList<>();
        Chosen chosen = null;
        String refusal = "the offer has no audio stream";
        for (MediaDescription section : offer.media()) {
            if (chosen != null || !section.type().equals("audio") || section.port() == 0) {
                answered.add(section.refused());
                continue;
            }
            if (!section.protocol().equals(MediaDescription.RTP_AVP)) {
                refusal = "the offer's audio is " + section.protocol() + "; this node takes RTP/AVP only";
                answered.add(section.refused());
                continue;
            }
            Optional<Integer> codec = section.formats().stream().map(Integer::valueOf)
                    .filter(payloadType -> law(section, payloadType).isPresent()).findFirst();
            if (codec.isEmpty()) {
                refusal = "the offer's audio has neither PCMU nor PCMA";
                answered.add(section.refused());
                continue;
            }
            Optional<InetAddress> remote = address(offer.connectionOf(section).orElseThrow());
            if (remote.isEmpty()) {
                refusal = "the offer's audio address is not an IP address";
                answered.add(section.refused());
                continue;
            }
            OptionalInt events = telephoneEvent(section);
            Direction theirs = effectiveDirection(section, remote.get());
            Direction ours = Direction.of(theirs.mirror().sends() && wanted.sends(),
                    theirs.mirror().receives() && wanted.receives());
            chosen = new Chosen(law(section, codec.get()).orElseThrow(), codec.get(), events,
                    new InetSocketAddress(remote.get(), section.port()), ours);
            answered.add(audio(port, chosen));
        }
        if (chosen == null) {
            return new NotAcceptable(refusal);
        }
        return new Agreed(local.describe(answered), chosen.codec(), chosen.payloadType(), chosen.events(),
                chosen.remote(), chosen.ours());
    }

    /** The stream picked from an offer, before the answer around it is complete. */
    private record Chosen(G711 codec, int payloadType, OptionalInt events, InetSocketAddress remote, Direction ours) {
    }

    /** This side's offer: PCMU, then PCMA, then telephone events, one 20 ms frame a packet. */
    public static SessionDescription offer(LocalSession local, int port, Direction direction) {
        MediaDescription audio = new MediaDescription("audio", port, MediaDescription.RTP_AVP,
                List.of("0", "8", String.valueOf(TELEPHONE_EVENT)), Optional.empty(),
                Map.of(0, new RtpMap(0, "PCMU", G711.SAMPLE_RATE, 1), 8, new RtpMap(8, "PCMA", G711.SAMPLE_RATE, 1),
                        TELEPHONE_EVENT, new RtpMap(TELEPHONE_EVENT, TELEPHONE_EVENT_NAME, G711.SAMPLE_RATE, 1)),
                Map.of(TELEPHONE_EVENT, EVENTS), OptionalInt.of(PTIME_MILLIS), direction);
        return local.describe(List.of(audio));
    }

    /** What this side's {@code offer} and the {@code answer} to it settled. */
    public static Negotiation answered(SessionDescription offer, SessionDescription answer) {
        if (answer.media().size() != offer.media().size()) {
            return new NotAcceptable("the answer has " + answer.media().size() + " media sections, the offer "
                    + offer.media().size());
        }
        MediaDescription offered = offer.media().getFirst();
        MediaDescription section = answer.media().getFirst();
        if (section.port() == 0) {
            return new NotAcceptable("the answer refuses the audio stream");
        }
        Optional<Integer> codec = section.formats().stream().map(Integer::valueOf)
                .filter(payloadType -> offered.formats().contains(String.valueOf(payloadType)))
                .filter(payloadType -> law(section, payloadType).isPresent()).findFirst();
        if (codec.isEmpty()) {
            return new NotAcceptable("the answer chose no G.711 format of the offer");
        }
        Optional<InetAddress> remote = answer.connectionOf(section).flatMap(OfferAnswer::address);
        if (remote.isEmpty()) {
            return new NotAcceptable("the answer's audio address is not an IP address");
        }
        Direction theirs = effectiveDirection(section, remote.get());
        Direction ours = Direction.of(offered.direction().sends() && theirs.receives(),
                offered.direction().receives() && theirs.sends());
        return new Agreed(answer, law(section, codec.get()).orElseThrow(), codec.get(), telephoneEvent(section),
                new InetSocketAddress(remote.get(), section.port()), ours);
    }

    private static MediaDescription audio(int port, Chosen chosen) {
        int payloadType = chosen.payloadType();
        List<String> formats = new ArrayList<>(List.of(String.valueOf(payloadType)));
        Map<Integer, RtpMap> maps = new HashMap<>();
        maps.put(payloadType, new RtpMap(payloadType, chosen.codec().encodingName(), G711.SAMPLE_RATE, 1));
        Map<Integer, String> fmtps = new HashMap<>();
        chosen.events().ifPresent(event -> {
            formats.add(String.valueOf(event));
            maps.put(event, new RtpMap(event, TELEPHONE_EVENT_NAME, G711.SAMPLE_RATE, 1));
            fmtps.put(event, EVENTS);
        });
        return new MediaDescription("audio", port, MediaDescription.RTP_AVP, formats, Optional.empty(), maps, fmtps,
                OptionalInt.of(PTIME_MILLIS), chosen.ours());
    }

    /** The G.711 law a format stands for: by its rtpmap, else by the static payload types 0 and 8. */
    private static Optional<G711> law(MediaDescription section, int payloadType) {
        RtpMap map = section.rtpMaps().get(payloadType);
        if (map == null) {
            return G711.forPayloadType(payloadType);
        }
        return map.clockRate() == G711.SAMPLE_RATE && map.channels() == 1
                ? G711.forEncodingName(map.encoding()) : Optional.empty();
    }

    private static OptionalInt telephoneEvent(MediaDescription section) {
        return section.formats().stream().mapToInt(Integer::parseInt)
                .filter(payloadType -> {
                    RtpMap map = section.rtpMaps().get(payloadType);
                    return map != null && map.encoding().equalsIgnoreCase(TELEPHONE_EVENT_NAME)
                            && map.clockRate() == G711.SAMPLE_RATE;
                })
                .findFirst();
    }

    /** A c= of 0.0.0.0 is the old way to say "send me nothing" (RFC 3264 section 8.4), whatever the attribute. */
    private static Direction effectiveDirection(MediaDescription section, InetAddress remote) {
        boolean legacyHold = remote.getHostAddress().equals(SessionDescription.LEGACY_HOLD_ADDRESS);
        return Direction.of(section.direction().sends(), section.direction().receives() && !legacyHold);
    }

    /** Only literal addresses: a name in c= would make the media path wait on DNS. */
    private static Optional<InetAddress> address(String literal) {
        try {
            return Optional.of(InetAddress.ofLiteral(literal));
        } catch (IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }
}
