package org.tandem.media.dtmf;

/**
 * One DTMF digit a caller pressed, however it came (RFC 4733 event or SIP INFO).
 *
 * @param symbol         0-9, *, #, A-D
 * @param durationMillis how long it was held, as the sender says
 */
public record Digit(char symbol, int durationMillis) {

    private static final String SYMBOLS = "0123456789*#ABCD";

    public Digit {
        if (SYMBOLS.indexOf(symbol) < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + symbol);
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException("duration must not be negative");
        }
    }

    /** The RFC 4733 event code (0-15). */
    public int event() {
        return SYMBOLS.indexOf(symbol);
    }

    /** The digit an RFC 4733 event code 0-15 stands for; codes above are not DTMF digits. */
    static boolean isDigitEvent(int event) {
        return event >= 0 && event < SYMBOLS.length();
    }

    static char symbolOf(int event) {
        return SYMBOLS.charAt(event);
    }

    static boolean isSymbol(char symbol) {
        return SYMBOLS.indexOf(Character.toUpperCase(symbol)) >= 0;
    }
}
