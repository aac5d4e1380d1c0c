package org.tandem.engine.registrar;

import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.Registration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a REGISTER changes an address's bindings (RFC 3261 10.3 steps 6 to 8), as plain decisions on
 * plain values: which expiry each contact gets, whether the request is too old, and whether the
 * extension would have more contacts than it may.
 */
final class BindingRules {

    /** Below this a phone would REGISTER too often to be worth serving: 423 (RFC 3261 10.3 step 7). */
    static final long MIN_EXPIRES = 60;
    /** Expiries asked above this are cut to it, so a vanished phone is forgotten within the hour. */
    static final long MAX_EXPIRES = 3600;
    /** When the phone asks for none (RFC 3261 10.3: the registrar's default). */
    static final long DEFAULT_EXPIRES = 3600;

    /** The expiry asked for {@code contact}: its own parameter, else the Expires header, else the default. */
    static long askedExpiry(RequestedContact contact, RegisterRequest request) {
        if (contact.expiresParam() >= 0) {
            return contact.expiresParam();
        }
        return request.expiresHeader().orElse(DEFAULT_EXPIRES);
    }

    /** The expiry granted: 0 stays 0 (a removal), anything above the maximum is cut to it. */
    static long grantedExpiry(RequestedContact contact, RegisterRequest request) {
        return Math.min(askedExpiry(contact, request), MAX_EXPIRES);
    }

    /** Whether some contact asks for a binding shorter than {@link #MIN_EXPIRES} (but not a removal). */
    static boolean isTooBrief(RegisterRequest request) {
        for (RequestedContact contact : request.contacts()) {
            long expiry = askedExpiry(contact, request);
            if (expiry > 0 && expiry < MIN_EXPIRES) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies {@code request} to {@code current}, the active bindings {@code nodeId} holds for
     * {@code aor}. A contact already bound is refreshed (or removed with expiry 0) unless the request
     * comes from the same Call-ID with a CSeq no higher than the binding's; a contact with the
     * {@code +sip.instance} of another binding replaces it (RFC 5626 4.2: the same phone under a new
     * address). New contacts beyond {@code maxContacts} refuse the whole request; refreshing or
     * removing bindings never does, even when a lowered limit is already exceeded.
     */
    static BindingDecision decide(List<Registration> current, RegisterRequest request, UUID nodeId,
                                  AddressOfRecord aor, int maxContacts, Instant now) {
        for (Registration binding : current) {
            if (binding.callId().equals(request.callId()) && request.cseq() <= binding.cseq()
                    && (request.wildcard() || touches(request, binding))) {
                return new BindingDecision.OutOfOrder(binding.cseq());
            }
        }
        if (request.wildcard()) {
            return new BindingDecision.Accepted(List.of(), current.stream().map(Registration::contactUri).toList(),
                    List.of());
        }

        Map<String, Registration> after = new LinkedHashMap<>();
        current.forEach(binding -> after.put(binding.contactUri(), binding));
        List<String> removals = new ArrayList<>();
        Map<String, Registration> saves = new LinkedHashMap<>();
        for (RequestedContact contact : request.contacts()) {
            if (contact.instanceId() != null) {
                for (Registration sameInstance : current) {
                    if (contact.instanceId().equals(sameInstance.instanceId())
                            && !sameInstance.contactUri().equals(contact.uri())
                            && after.remove(sameInstance.contactUri()) != null) {
                        removals.add(sameInstance.contactUri());
                    }
                }
            }
            long expiry = grantedExpiry(contact, request);
            if (expiry == 0) {
                saves.remove(contact.uri());
                if (after.remove(contact.uri()) != null) {
                    removals.add(contact.uri());
                }
            } else {
                Registration binding = Registration.taken(nodeId, aor, contact.uri(), contact.instanceId(),
                        request.source(), request.callId(), request.cseq(), request.userAgent(), now,
                        Duration.ofSeconds(expiry));
                saves.put(contact.uri(), binding);
                after.put(contact.uri(), binding);
                removals.remove(contact.uri());
            }
        }
        if (after.size() > maxContacts && after.size() > current.size()) {
            return new BindingDecision.TooManyContacts(maxContacts);
        }
        return new BindingDecision.Accepted(List.copyOf(saves.values()), List.copyOf(removals),
                List.copyOf(after.values()));
    }

    /** Whether {@code request} names {@code binding}'s contact, or its phone instance. */
    private static boolean touches(RegisterRequest request, Registration binding) {
        return request.contacts().stream().anyMatch(c -> c.uri().equals(binding.contactUri())
                || (c.instanceId() != null && c.instanceId().equals(binding.instanceId())));
    }

    private BindingRules() {
    }
}
