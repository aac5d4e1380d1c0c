package org.tandem.media.dtmf;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Digits a phone sends in SIP INFO bodies instead of RTP events: {@code application/dtmf-relay}
 * ({@code Signal=5} and {@code Duration=160} lines, the Cisco form most phones use) and
 * {@code application/dtmf} (the digit alone). Read from the body's text, without JAIN-SIP, so the engine
 * hands over what the request carried.
 */
public final class InfoDigits {

    /** Longer bodies are no digit (a dtmf-relay body is some 25 bytes). */
    static final int MAX_BODY = 256;
    /** Held longer than a minute is no key press. */
    static final int MAX_DURATION_MILLIS = 60_000;
    /** What a phone that names no duration is taken to mean. */
    static final int DEFAULT_DURATION_MILLIS = 250;

    private static final Pattern FIELD = Pattern.compile("\\s*([A-Za-z-]+)\\s*=\\s*(\\S*)\\s*");

    private InfoDigits() {
    }

    /**
     * The digit in an INFO body.
     *
     * @param contentType the request's Content-Type, parameters allowed
     * @throws InvalidDigitException when the body is of either type but holds no digit (the INFO gets 400),
     *                               or is of another type (415)
     */
    public static Digit parse(String contentType, String body) throws InvalidDigitException {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (body.length() > MAX_BODY) {
            throw new InvalidDigitException("the DTMF body is longer than " + MAX_BODY + " characters");
        }
        return switch (type) {
            case "application/dtmf-relay" -> relay(body);
            case "application/dtmf" -> new Digit(symbol(body.strip(), "the application/dtmf body"),
                    DEFAULT_DURATION_MILLIS);
            default -> throw new InvalidDigitException("INFO bodies of type " + type + " carry no digits here; "
                    + "application/dtmf-relay and application/dtmf do", true);
        };
    }

    private static Digit relay(String body) throws InvalidDigitException {
        Character signal = null;
        int duration = DEFAULT_DURATION_MILLIS;
        for (String line : body.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (!field.matches()) {
                throw new InvalidDigitException("a dtmf-relay line is not 'Name=value': '" + shorten(line) + "'");
            }
            String value = field.group(2);
            switch (field.group(1).toLowerCase(Locale.ROOT)) {
                case "signal" -> signal = symbol(value, "Signal");
                case "duration" -> {
                    if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > MAX_DURATION_MILLIS) {
                        throw new InvalidDigitException("Duration must be milliseconds, 0-" + MAX_DURATION_MILLIS
                                + ", not '" + shorten(value) + "'");
                    }
                    duration = Integer.parseInt(value);
                }
                default -> {
                    // other fields some phones add (e.g. a volume): nothing a digit needs
                }
            }
        }
        if (signal == null) {
            throw new InvalidDigitException("the dtmf-relay body has no Signal line");
        }
        return new Digit(signal, duration);
    }

    /** A digit symbol; some phones send * and # as the event codes 10 and 11. */
    private static char symbol(String value, String what) throws InvalidDigitException {
        if (value.equals("10")) {
            return '*';
        }
        if (value.equals("11")) {
            return '#';
        }
        if (value.length() != 1 || !Digit.isSymbol(value.charAt(0))) {
            throw new InvalidDigitException(what + " must be one of 0-9, *, #, A-D, not '" + shorten(value) + "'");
        }
        return Character.toUpperCase(value.charAt(0));
    }

    private static String shorten(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
