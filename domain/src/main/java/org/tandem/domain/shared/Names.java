package org.tandem.domain.shared;

/**
 * Checks a human-facing name (company, reseller, display name, ring group, token): present, trimmed,
 * bounded, and free of characters that change how the text around them is shown rather than being
 * shown themselves: controls, line and paragraph separators, Unicode's bidirectional controls
 * (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069; an override can make a name read
 * backwards on every page and export that shows it) and half of a UTF-16 surrogate pair.
 */
public final class Names {

    public static final int MAX_LENGTH = 120;

    private Names() {
    }

    public static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Names::control)) {
            throw new IllegalArgumentException(what + " contains control characters");
        }
        if (trimmed.chars().anyMatch(Names::bidiControl)) {
            throw new IllegalArgumentException(what + " contains characters that change the direction of text");
        }
        if (trimmed.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw new IllegalArgumentException(what + " contains half of a surrogate pair");
        }
        return trimmed;
    }

    private static boolean control(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Unicode's Bidi_Control characters. */
    private static boolean bidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
