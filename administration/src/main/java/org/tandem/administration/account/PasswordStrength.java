package org.tandem.administration.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How strong a portal password a person chooses must be (NIST SP 800-63B in spirit: length first, no
 * known-weak or username-derived passwords, and a mix of kinds unless the password is long).
 */
public final class PasswordStrength {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** A passphrase this long needs no mix of character kinds. */
    public static final int PASSPHRASE_LENGTH = 20;

    private static final Set<String> KNOWN_WEAK = Set.of("password", "passw0rd", "123456", "12345678", "qwerty",
            "letmein", "welcome", "admin", "changeme", "iloveyou", "tandem", "secret", "abc123", "111111");

    private PasswordStrength() {
    }

    /** What is wrong with {@code password} for {@code username}, in words for the person choosing it; empty if it is strong enough. */
    public static Optional<String> problem(String username, char[] password) {
        String candidate = password == null ? "" : new String(password);
        if (candidate.length() < MIN_LENGTH) {
            return Optional.of("Password must be at least " + MIN_LENGTH + " characters long");
        }
        if (candidate.length() > MAX_LENGTH) {
            return Optional.of("Password must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("Password must not contain the username");
        }
        if (candidate.chars().distinct().count() < 5
                || KNOWN_WEAK.stream().anyMatch(weak -> lower.replaceAll("[^a-z0-9]", "").startsWith(weak)
                && lower.replaceAll("[^a-z0-9]", "").length() - weak.length() < 6)) {
            return Optional.of("Password is too easy to guess");
        }
        if (candidate.length() < PASSPHRASE_LENGTH && kinds(candidate) < 3) {
            return Optional.of("Password needs three of: lower-case letters, upper-case letters, digits, symbols "
                    + "(or " + PASSPHRASE_LENGTH + " characters or more)");
        }
        return Optional.empty();
    }

    private static int kinds(String candidate) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
