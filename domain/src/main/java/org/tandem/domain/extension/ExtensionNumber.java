package org.tandem.domain.extension;

import java.util.regex.Pattern;

/** The number dialled to reach an extension within its tenant; also its SIP user name. */
public record ExtensionNumber(String digits) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{2,10}");

    public ExtensionNumber {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("extension number must be 2 to 10 digits: " + digits);
        }
    }

    @Override
    public String toString() {
        return digits;
    }
}
