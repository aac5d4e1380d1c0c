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
        return requireShownAsIs(trimmed, what);
    }

    /** {@code value} itself, if none of its characters changes how the text around it is shown. */
    public static String requireShownAsIs(String value, String what) {
        if (value.chars().anyMatch(Names::control)) {
            throw new IllegalArgumentException(what + " contains control characters");
        }
        if (value.chars().anyMatch(Names::bidiControl)) {
            throw new IllegalArgumentException(what + " contains characters that change the direction of text");
        }
        if (value.codePoints().anyMatch(Names::loneSurrogate)) {
            throw new IllegalArgumentException(what + " contains half of a surrogate pair");
        }
        return value;
    }

    /**
     * What of {@code value} can be shown as it is, for text that must be kept though nobody checked it
     * (a caller's name as the caller's phone sent it): without the characters {@link #required} refuses,
     * trimmed, and cut to {@code maxLength} characters (never inside a surrogate pair); empty when nothing
     * is left.
     */
    public static String shownPart(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        value.codePoints().filter(c -> !control(c) && !bidiControl(c) && !loneSurrogate(c)).forEach(shown::appendCodePoint);
        String trimmed = shown.toString().strip();
        if (trimmed.length() <= maxLength) {
            return trimmed;
        }
        int end = Character.isHighSurrogate(trimmed.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return trimmed.substring(0, end).strip();
    }

    private static boolean loneSurrogate(int c) {
        return c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
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
