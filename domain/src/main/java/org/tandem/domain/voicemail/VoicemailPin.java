package org.tandem.domain.voicemail;

import org.tandem.domain.account.PasswordHash;
import org.tandem.domain.extension.ExtensionNumber;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * A mailbox's PIN, kept only as a slow salted hash (the same PBKDF2 as portal passwords): 4 to 10 digits,
 * and none a caller would try first. Checking a PIN a caller keys in goes through {@link PinCheck}, which
 * throttles guessing.
 */
public record VoicemailPin(PasswordHash hash) {

    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 10;
    /** A generated PIN's length: a million choices behind the guessing throttle, and still quick to key in. */
    public static final int GENERATED_DIGITS = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    public VoicemailPin {
        Objects.requireNonNull(hash, "PIN hash");
    }

    /** A new PIN for {@code extension}'s mailbox; refuses a malformed or weak one with the reason in plain words. */
    public static VoicemailPin choose(String digits, ExtensionNumber extension) {
        Optional<String> problem = problemWith(digits, extension);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return new VoicemailPin(PasswordHash.of(digits.toCharArray()));
    }

    /**
     * Why {@code digits} cannot be {@code extension}'s PIN, in words for the person choosing it; empty
     * when it can. The words never repeat the PIN.
     */
    public static Optional<String> problemWith(String digits, ExtensionNumber extension) {
        Objects.requireNonNull(extension, "extension");
        if (digits == null || digits.isEmpty()) {
            return Optional.of("Enter a PIN of " + MIN_DIGITS + " to " + MAX_DIGITS + " digits");
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            return Optional.of("A PIN has " + MIN_DIGITS + " to " + MAX_DIGITS + " digits");
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("A PIN is made of the digits 0 to 9 only");
        }
        if (digits.chars().distinct().count() == 1) {
            return Optional.of("A PIN of one digit repeated (like 1111) is the first a guesser tries: choose another");
        }
        if (isRun(digits)) {
            return Optional.of("A PIN of digits in a row (like 1234, 7890 or 4321) is the first a guesser tries: "
                    + "choose another");
        }
        if (digits.equals(extension.digits())) {
            return Optional.of("A PIN may not be the extension's own number: choose another");
        }
        return Optional.empty();
    }

    /** Random digits that pass every rule of {@link #problemWith} for {@code extension}, to be shown to its person once. */
    public static String generateDigits(ExtensionNumber extension) {
        String digits;
        do {
            StringBuilder drawn = new StringBuilder(GENERATED_DIGITS);
            for (int i = 0; i < GENERATED_DIGITS; i++) {
                drawn.append((char) ('0' + RANDOM.nextInt(10)));
            }
            digits = drawn.toString();
        } while (problemWith(digits, extension).isPresent());
        return digits;
    }

    /** Whether {@code pin} is what was chosen; false for anything that could never be a PIN. */
    public boolean matches(String pin) {
        if (pin == null || pin.length() < MIN_DIGITS || pin.length() > MAX_DIGITS) {
            return false;
        }
        return hash.matches(pin.toCharArray());
    }

    /** Each digit one up, or each one down, from the one before, 0 following 9 as on a keypad's row. */
    private static boolean isRun(String digits) {
        int step = Math.floorMod(digits.charAt(1) - digits.charAt(0), 10);
        if (step != 1 && step != 9) {
            return false;
        }
        for (int i = 2; i < digits.length(); i++) {
            if (Math.floorMod(digits.charAt(i) - digits.charAt(i - 1), 10) != step) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "VoicemailPin[hidden]";
    }
}
