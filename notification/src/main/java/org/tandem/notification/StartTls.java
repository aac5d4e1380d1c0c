package org.tandem.notification;

import java.util.Locale;

/** Whether the SMTP connection is upgraded to TLS before anything is sent (RFC 3207). */
public enum StartTls {
    /** Upgraded, or nothing is sent: the default, so a password or a recording never crosses in clear. */
    REQUIRED,
    /** Upgraded when the server offers it. */
    OPTIONAL,
    /** Never upgraded: a relay on the same host or a trusted network. */
    OFF;

    static StartTls parse(String name, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(name + " must be required, optional or off, not '" + value + "'");
        }
    }
}
