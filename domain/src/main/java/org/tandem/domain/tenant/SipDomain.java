package org.tandem.domain.tenant;

import java.util.Locale;

/**
 * The DNS name a tenant's phones register to, and the digest realm of its extensions. Kept in
 * lower case, since DNS names compare without case and a realm must match byte for byte.
 */
public record SipDomain(String name) {

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
        // by hand, not with a regular expression and split: every INVITE and REGISTER names its domain
        if (name.indexOf('.') < 0) {
            throw new IllegalArgumentException("SIP domain needs at least two labels, like pbx.example.com: " + name);
        }
        int start = 0;
        int end;
        do {
            end = name.indexOf('.', start);
            if (end < 0) {
                end = name.length();
            }
            if (!isLabel(name, start, end)) {
                throw new IllegalArgumentException("SIP domain is not a valid DNS name: " + name);
            }
            start = end + 1;
        } while (end < name.length());
        if (allDigits(name, name.lastIndexOf('.') + 1, name.length())) {
            throw new IllegalArgumentException("SIP domain must be a DNS name, not an IP address: " + name);
        }
    }

    /** {@code name[start, end)} is 1 to 63 letters, digits and hyphens, neither first nor last a hyphen. */
    private static boolean isLabel(String name, int start, int end) {
        if (end - start < 1 || end - start > 63 || name.charAt(start) == '-' || name.charAt(end - 1) == '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String name, int start, int end) {
        for (int i = start; i < end; i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
