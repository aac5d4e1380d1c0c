package org.tandem.administration.registration;

import java.time.Instant;

/**
 * One registered phone (binding) as a person reads it.
 *
 * @param source    transport, address and port the phone registered from
 * @param userAgent what the phone calls itself, or empty
 */
public record RegisteredPhone(String extension, String displayName, String contact, String source, String userAgent,
                              String node, Instant registeredAt, Instant expiresAt) {
}
