package org.tandem.domain.shared;

/** Checks a human-facing name (company, reseller, display name): present, trimmed, bounded. */
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
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " contains control characters");
        }
        return trimmed;
    }
}
