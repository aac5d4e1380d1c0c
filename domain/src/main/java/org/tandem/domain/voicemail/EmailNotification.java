package org.tandem.domain.voicemail;

import org.tandem.domain.shared.Names;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a mailbox's owner hears of a new message by email, if anywhere, and whether the recording goes
 * along.
 */
public record EmailNotification(Optional<String> address, boolean attachAudio) {

    /** RFC 5321's limit on a forward path. */
    public static final int MAX_ADDRESS_LENGTH = 254;
    public static final EmailNotification NONE = new EmailNotification(Optional.empty(), false);

    /** One @, something on each side, nothing that would split it into several recipients: the mail server judges the rest. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]{1,64}@[^@\\s,;<>\"]+\\.[^@\\s,;<>\".][^@\\s,;<>\"]*");

    public EmailNotification {
        Objects.requireNonNull(address, "address");
        address.ifPresent(EmailNotification::requireAddress);
        if (attachAudio && address.isEmpty()) {
            throw new IllegalArgumentException("Attaching the recording needs an email address to send it to");
        }
    }

    /** Notification to {@code address} (blank for none), with the recording attached when {@code attachAudio}. */
    public static EmailNotification to(String address, boolean attachAudio) {
        String given = address == null ? "" : address.strip();
        return new EmailNotification(given.isEmpty() ? Optional.empty() : Optional.of(given), attachAudio);
    }

    private static void requireAddress(String address) {
        if (address.length() > MAX_ADDRESS_LENGTH) {
            throw new IllegalArgumentException("An email address has at most " + MAX_ADDRESS_LENGTH + " characters");
        }
        Names.requireShownAsIs(address, "The email address");
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("This is not an email address: it must look like name@example.com");
        }
    }
}
