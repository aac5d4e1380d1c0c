package org.tandem.api.registration;

import java.time.Instant;

/**
 * One registered phone (binding).
 *
 * @param source    transport, address and port the phone registered from
 * @param userAgent what the phone calls itself, or absent
 * @param node      the node that holds the registration
 */
public record RegisteredPhone(String extension, String displayName, String contact, String source, String userAgent,
                              String node, Instant registeredAt, Instant expiresAt) {

    static RegisteredPhone of(org.tandem.administration.registration.RegisteredPhone phone) {
        return new RegisteredPhone(phone.extension(), phone.displayName(), phone.contact(), phone.source(),
                phone.userAgent().isEmpty() ? null : phone.userAgent(), phone.node(), phone.registeredAt(),
                phone.expiresAt());
    }
}
