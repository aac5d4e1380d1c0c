package org.tandem.domain.tenant;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The DNS name a tenant's phones register to, and the digest realm of its extensions. Kept in
 * lower case, since DNS names compare without case and a realm must match byte for byte.
 */
public record SipDomain(String name) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public SipDomain {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("SIP domain is required");
        }
        name = name.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.length() > 253) {
            throw new IllegalArgumentException("SIP domain is longer than 253 characters: " + name);
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            throw new IllegalArgumentException("SIP domain needs at least two labels, like pbx.example.com: " + name);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("SIP domain is not a valid DNS name: " + name);
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("SIP domain must be a DNS name, not an IP address: " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
