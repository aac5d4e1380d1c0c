package org.tandem.media.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session description (RFC 4566) as far as a PBX's audio goes: origin, session name, connection, and
 * the media sections. Other lines are read past and not kept.
 *
 * @param origin     the {@code o=} line
 * @param name       the {@code s=} line
 * @param connection the session-level {@code c=} address, if any (a section's own one wins)
 * @param media      the {@code m=} sections in order
 */
public record SessionDescription(Origin origin, String name, Optional<String> connection,
                                 List<MediaDescription> media) {

    /** The unspecified address that, as {@code c=}, put a call on hold before RFC 3264 (RFC 2543). */
    public static final String LEGACY_HOLD_ADDRESS = "0.0.0.0";

    /** At most this many {@code m=} sections are read (a PBX's call has one or two). */
    static final int MAX_MEDIA_SECTIONS = 16;

    private static final Pattern LINE = Pattern.compile("([a-z])=(.*)");
    private static final Pattern TOKEN = Pattern.compile("[!#-'*+\\-.0-9A-Z^-~]+");
    private static final Pattern RTPMAP = Pattern.compile("(\\d{1,3}) ([^/ ]+)/(\\d{1,6})(?:/(\\d{1,2}))?");
    private static final Pattern FMTP = Pattern.compile("(\\d{1,3}) (.+)");
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z.:\\-]{1,255}");

    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connection, "connection");
        media = List.copyOf(media);
    }

    /**
     * The {@code o=} line: who made the description, and which version of the session it is. A party keeps
     * the session id for the whole call and raises the version each time the description changes.
     */
    public record Origin(String username, long sessionId, long version, String address) {
        public Origin {
            if (sessionId < 0 || version < 0) {
                throw new IllegalArgumentException("session id and version are unsigned");
            }
        }
    }

    /** The connection address that applies to {@code section}: its own, else the session's. */
    public Optional<String> connectionOf(MediaDescription section) {
        return section.connection().or(() -> connection);
    }

    /**
     * Reads a description.
     *
     * @param maxBytes the longest body taken (TANDEM_MEDIA_SDP_MAX_BYTES)
     */
    public static SessionDescription parse(String text, int maxBytes) throws InvalidSdpException {
        if (text.length() > maxBytes) {
            throw new InvalidSdpException("the session description is longer than " + maxBytes + " characters");
        }
        String[] lines = text.split("\r?\n", -1);
        int count = lines.length;
        // the last line ends in a line break too, leaving one empty string; a missing final break is tolerated
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        if (count == 0) {
            throw new InvalidSdpException("the session description is empty");
        }
        Parser parser = new Parser();
        for (int i = 0; i < count; i++) {
            Matcher line = LINE.matcher(lines[i]);
            if (!line.matches()) {
                throw new InvalidSdpException("line " + (i + 1) + " is not of the form <letter>=<value>: '"
                        + shorten(lines[i]) + "'");
            }
            if (i == 0) {
                if (!lines[i].equals("v=0")) {
                    throw new InvalidSdpException("a session description starts with v=0");
                }
                continue;
            }
            parser.line(line.group(1).charAt(0), line.group(2));
        }
        return parser.finish();
    }

    /** The description as a SIP body (CRLF line ends). */
    public String write() {
        StringBuilder sdp = new StringBuilder(512);
        sdp.append("v=0\r\n");
        sdp.append("o=").append(origin.username()).append(' ').append(origin.sessionId()).append(' ')
                .append(origin.version()).append(" IN ").append(addressType(origin.address())).append(' ')
                .append(origin.address()).append("\r\n");
        sdp.append("s=").append(name).append("\r\n");
        connection.ifPresent(address -> sdp.append("c=").append(connectionLine(address)));
        sdp.append("t=0 0\r\n");
        media.forEach(section -> section.write(sdp));
        return sdp.toString();
    }

    static String connectionLine(String address) {
        return "IN " + addressType(address) + " " + address + "\r\n";
    }

    private static String addressType(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** Reads line after line, holding the section being read. */
    private static final class Parser {
        private Origin origin;
        private String name;
        private Optional<String> connection = Optional.empty();
        private boolean timing;
        /** A direction given for the whole session, which sections without their own take (RFC 4566 section 6). */
        private Direction sessionDirection = Direction.SENDRECV;
        private final List<MediaDescription> media = new ArrayList<>();
        private Section section;

        void line(char type, String value) throws InvalidSdpException {
            if (type == 'v') {
                throw new InvalidSdpException("v= may only be the first line");
            }
            if (type == 'm') {
                closeSection();
                if (media.size() == MAX_MEDIA_SECTIONS) {
                    throw new InvalidSdpException("more than " + MAX_MEDIA_SECTIONS + " media sections");
                }
                section = Section.of(value);
                return;
            }
            if (section != null) {
                section.line(type, value);
                return;
            }
            switch (type) {
                case 'o' -> origin = origin(value);
                case 's' -> name = value;
                case 'c' -> connection = Optional.of(connection(value));
                case 't' -> timing = true;
                case 'a' -> Direction.ofAttribute(value).ifPresent(named -> sessionDirection = named);
                default -> {
                    // i, u, e, p, b, z, k, r: nothing the audio depends on
                }
            }
        }

        SessionDescription finish() throws InvalidSdpException {
            closeSection();
            if (origin == null) {
                throw new InvalidSdpException("no o= line");
            }
            if (name == null) {
                throw new InvalidSdpException("no s= line");
            }
            if (!timing) {
                throw new InvalidSdpException("no t= line");
            }
            for (MediaDescription section : media) {
                if (section.port() != 0 && section.connection().isEmpty() && connection.isEmpty()) {
                    throw new InvalidSdpException("the " + section.type() + " section has no c= address, nor the session");
                }
            }
            return new SessionDescription(origin, name, connection, media);
        }

        private void closeSection() throws InvalidSdpException {
            if (section != null) {
                media.add(section.finish(sessionDirection));
                section = null;
            }
        }

        private static Origin origin(String value) throws InvalidSdpException {
            String[] fields = value.split(" ", -1);
            if (fields.length != 6 || !fields[3].equals("IN") || !TOKEN.matcher(fields[0]).matches()
                    || !ADDRESS.matcher(fields[5]).matches()) {
                throw new InvalidSdpException("o= must be '<username> <session id> <version> IN <IP4|IP6> <address>'");
            }
            return new Origin(fields[0], unsigned(fields[1], "o= session id"), unsigned(fields[2], "o= version"),
                    fields[5]);
        }
    }

    static String connection(String value) throws InvalidSdpException {
        String[] fields = value.split(" ", -1);
        if (fields.length != 3 || !fields[0].equals("IN") || !(fields[1].equals("IP4") || fields[1].equals("IP6"))
                || !ADDRESS.matcher(fields[2]).matches()) {
            throw new InvalidSdpException("c= must be 'IN <IP4|IP6> <address>', not '" + shorten(value) + "'");
        }
        return fields[2];
    }

    static long unsigned(String digits, String what) throws InvalidSdpException {
        if (!digits.matches("\\d{1,19}")) {
            throw new InvalidSdpException(what + " must be a number of at most 19 digits");
        }
        return Long.parseLong(digits);
    }

    /** A media section being read. */
    private static final class Section {
        private final String type;
        private final int port;
        private final String protocol;
        private final List<String> formats;
        private Optional<String> connection = Optional.empty();
        private final Map<Integer, RtpMap> rtpMaps = new HashMap<>();
        private final Map<Integer, String> fmtps = new HashMap<>();
        private OptionalInt ptime = OptionalInt.empty();
        private Optional<Direction> direction = Optional.empty();

        private Section(String type, int port, String protocol, List<String> formats) {
            this.type = type;
            this.port = port;
            this.protocol = protocol;
            this.formats = formats;
        }

        static Section of(String value) throws InvalidSdpException {
            String[] fields = value.split(" ", -1);
            if (fields.length < 4 || !TOKEN.matcher(fields[0]).matches() || !fields[1].matches("\\d{1,5}")
                    || Integer.parseInt(fields[1]) > 65535 || !fields[2].matches("[A-Za-z0-9/]{1,32}")) {
                throw new InvalidSdpException("m= must be '<media> <port> <protocol> <format>...', not '"
                        + shorten(value) + "'");
            }
            List<String> formats = List.of(fields).subList(3, fields.length);
            boolean rtp = fields[2].startsWith("RTP/") || fields[2].contains("/RTP/");
            for (String format : formats) {
                if (rtp ? !isPayloadType(format) : !TOKEN.matcher(format).matches()) {
                    throw new InvalidSdpException("m=" + fields[0] + " lists the format '" + shorten(format)
                            + "', which is not " + (rtp ? "an RTP payload type (0-127)" : "a token"));
                }
            }
            return new Section(fields[0], Integer.parseInt(fields[1]), fields[2], formats);
        }

        void line(char type, String value) throws InvalidSdpException {
            if (type == 'c') {
                connection = Optional.of(connection(value));
            } else if (type == 'a') {
                attribute(value);
            }
        }

        private void attribute(String value) throws InvalidSdpException {
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            String argument = colon < 0 ? "" : value.substring(colon + 1);
            switch (name) {
                case "rtpmap" -> {
                    Matcher map = RTPMAP.matcher(argument);
                    if (!map.matches() || !isPayloadType(map.group(1))) {
                        throw new InvalidSdpException("a=rtpmap must be '<payload type> <encoding>/<clock rate>"
                                + "[/<channels>]', not '" + shorten(argument) + "'");
                    }
                    int payloadType = Integer.parseInt(map.group(1));
                    rtpMaps.put(payloadType, new RtpMap(payloadType, map.group(2), Integer.parseInt(map.group(3)),
                            map.group(4) == null ? 1 : Integer.parseInt(map.group(4))));
                }
                case "fmtp" -> {
                    Matcher fmtp = FMTP.matcher(argument);
                    if (!fmtp.matches() || !isPayloadType(fmtp.group(1))) {
                        throw new InvalidSdpException("a=fmtp must be '<payload type> <parameters>'");
                    }
                    fmtps.put(Integer.parseInt(fmtp.group(1)), fmtp.group(2));
                }
                case "ptime" -> {
                    if (!argument.matches("\\d{1,4}") || Integer.parseInt(argument) == 0) {
                        throw new InvalidSdpException("a=ptime must be a whole number of milliseconds, 1-9999");
                    }
                    ptime = OptionalInt.of(Integer.parseInt(argument));
                }
                default -> Direction.ofAttribute(value).ifPresent(named -> direction = Optional.of(named));
            }
        }

        MediaDescription finish(Direction sessionDirection) {
            return new MediaDescription(type, port, protocol, formats, connection, rtpMaps, fmtps, ptime,
                    direction.orElse(sessionDirection));
        }

        private static boolean isPayloadType(String format) {
            return format.matches("\\d{1,3}") && Integer.parseInt(format) <= 127;
        }
    }
}
