package org.tandem.domain.ringgroup;

import org.tandem.domain.extension.ExtensionNumber;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A number of a tenant that rings its member extensions (of the same tenant, in order).
 *
 * @param memberTimeout how long a member rings (sequential) or the group rings (simultaneous) before
 *                      the call moves on or ends; 5 to 120 s, as the database checks
 */
public record RingGroup(UUID id, UUID tenantId, ExtensionNumber number, String name, RingStrategy strategy,
                        Duration memberTimeout, List<ExtensionNumber> members) {

    public static final Duration MIN_MEMBER_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration MAX_MEMBER_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_MEMBER_TIMEOUT = Duration.ofSeconds(20);

    public RingGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenant");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(memberTimeout, "member timeout");
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("ring group name must be 1 to 120 characters");
        }
        if (memberTimeout.compareTo(MIN_MEMBER_TIMEOUT) < 0 || memberTimeout.compareTo(MAX_MEMBER_TIMEOUT) > 0
                || memberTimeout.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("member timeout must be whole seconds from 5 to 120: " + memberTimeout);
        }
        members = List.copyOf(members);
        if (new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("a ring group lists each member once: " + members);
        }
        if (members.contains(number)) {
            throw new IllegalArgumentException("a ring group cannot be its own member: " + number);
        }
    }

    /** A new group with a fresh id. */
    public static RingGroup create(UUID tenantId, ExtensionNumber number, String name, RingStrategy strategy,
                                   Duration memberTimeout, List<ExtensionNumber> members) {
        return new RingGroup(UUID.randomUUID(), tenantId, number, name, strategy, memberTimeout, members);
    }
}
