package org.tandem.administration.registration;

import org.tandem.domain.registration.Registration;

import java.time.Instant;

/**
 * One registered phone (binding) as a person reads it.
 *
 * @param source    transport, address and port the phone registered from
 * @param userAgent what the phone calls itself, or empty
 */
public record RegisteredPhone(String extension, String displayName, String contact, String source, String userAgent,
                              String node, Instant registeredAt, Instant expiresAt) {

    /** {@code binding} of an extension named {@code displayName}, held by the node named {@code node}. */
    public static RegisteredPhone of(Registration binding, String displayName, String node) {
        return new RegisteredPhone(binding.aor().extension().digits(), displayName, binding.contactUri(),
                binding.flow().toString(), binding.userAgent() == null ? "" : binding.userAgent(), node,
                binding.registeredAt(), binding.expiresAt());
    }
}
