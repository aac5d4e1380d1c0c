package org.tandem.domain.voicemail;

import org.tandem.domain.shared.Names;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who left a message, as the call said. The caller's side chose it, so it is cleaned rather than
 * refused ({@link #asSent}): a message is never lost for its caller's odd name.
 *
 * @param number what the caller's number or user part was, {@link #UNKNOWN} when there was none usable
 * @param name   the caller's display name, if it sent one
 */
public record CallerId(String number, Optional<String> name) {

    public static final String UNKNOWN = "unknown";
    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_NAME_LENGTH = Names.MAX_LENGTH;
    /** A dialable number or a SIP user name, which is all the mailbox shows and calls back. */
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z+*#._-]{1," + MAX_NUMBER_LENGTH + "}");

    public CallerId {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("a caller's number is 1 to " + MAX_NUMBER_LENGTH
                    + " digits, letters or + * # . _ -");
        }
        name.ifPresent(given -> {
            if (!Names.shownPart(given, MAX_NAME_LENGTH).equals(given) || given.isEmpty()) {
                throw new IllegalArgumentException("a caller's name is 1 to " + MAX_NAME_LENGTH
                        + " characters that are shown as they are");
            }
        });
    }

    /**
     * The caller as its call named it (the From user and display name): a number that is no number
     * becomes {@link #UNKNOWN}, a name loses the characters that are not shown as they are and is cut to
     * {@link #MAX_NAME_LENGTH}.
     */
    public static CallerId asSent(String number, String displayName) {
        String usable = number != null && NUMBER.matcher(number).matches() ? number : UNKNOWN;
        String name = Names.shownPart(displayName, MAX_NAME_LENGTH);
        return new CallerId(usable, name.isEmpty() ? Optional.empty() : Optional.of(name));
    }
}
