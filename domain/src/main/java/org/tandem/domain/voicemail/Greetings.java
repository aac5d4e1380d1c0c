package org.tandem.domain.voicemail;

/**
 * Which greetings the mailbox's owner has recorded, and so which one a caller hears.
 *
 * @param unavailable a greeting for calls that were not answered
 * @param busy        a greeting for calls that found the extension busy
 * @param name        the owner's name, spoken inside the system's own greeting when no other fits
 */
public record Greetings(boolean unavailable, boolean busy, boolean name) {

    public static final Greetings NONE = new Greetings(false, false, false);

    /** What a caller hears before the tone. */
    public enum Played {
        /** The owner's busy greeting. */
        BUSY,
        /** The owner's unavailable greeting. */
        UNAVAILABLE,
        /** The system's greeting with the owner's recorded name. */
        SYSTEM_WITH_NAME,
        /** The system's greeting with the extension's number. */
        SYSTEM_WITH_NUMBER
    }

    /** The greeting a caller hears when the extension was busy ({@code busy}) or did not answer. */
    public Played played(boolean extensionBusy) {
        if (extensionBusy && busy) {
            return Played.BUSY;
        }
        if (unavailable) {
            return Played.UNAVAILABLE;
        }
        return name ? Played.SYSTEM_WITH_NAME : Played.SYSTEM_WITH_NUMBER;
    }
}
