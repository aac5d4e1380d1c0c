package org.tandem.engine.mwi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The subscriptions this node holds, bounded per mailbox and in all. Every change happens under the
 * one lock: subscriptions change at the pace of phones' refreshes, not of calls.
 */
final class Subscriptions {

    /** Whether {@link #add} took a subscription. */
    enum Admission { TAKEN, MAILBOX_FULL, NODE_FULL }

    private final int maxPerMailbox;
    private final int maxInAll;
    private final Map<Subscription.Id, Subscription> byId = new HashMap<>();
    private final Map<UUID, Set<Subscription.Id>> byMailbox = new HashMap<>();

    Subscriptions(int maxPerMailbox, int maxInAll) {
        this.maxPerMailbox = maxPerMailbox;
        this.maxInAll = maxInAll;
    }

    synchronized Optional<Subscription> find(Subscription.Id id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Takes a new subscription, or a refreshed one in place of its old self, unless a limit is reached. */
    synchronized Admission add(Subscription subscription) {
        if (!byId.containsKey(subscription.id())) {
            if (byId.size() >= maxInAll) {
                return Admission.NODE_FULL;
            }
            if (byMailbox.getOrDefault(subscription.mailbox().mailboxId(), Set.of()).size() >= maxPerMailbox) {
                return Admission.MAILBOX_FULL;
            }
        }
        byId.put(subscription.id(), subscription);
        byMailbox.computeIfAbsent(subscription.mailbox().mailboxId(), mailbox -> new LinkedHashSet<>())
                .add(subscription.id());
        return Admission.TAKEN;
    }

    synchronized Optional<Subscription> remove(Subscription.Id id) {
        Subscription removed = byId.remove(id);
        if (removed == null) {
            return Optional.empty();
        }
        UUID mailbox = removed.mailbox().mailboxId();
        Set<Subscription.Id> ofMailbox = byMailbox.get(mailbox);
        ofMailbox.remove(id);
        if (ofMailbox.isEmpty()) {
            byMailbox.remove(mailbox);
        }
        return Optional.of(removed);
    }

    /** The live subscriptions to mailbox {@code mailboxId}. */
    synchronized List<Subscription> of(UUID mailboxId, Instant now) {
        List<Subscription> live = new ArrayList<>();
        for (Subscription.Id id : byMailbox.getOrDefault(mailboxId, Set.of())) {
            Subscription subscription = byId.get(id);
            if (subscription.expiresAt().isAfter(now)) {
                live.add(subscription);
            }
        }
        return live;
    }

    synchronized List<Subscription> all() {
        return List.copyOf(byId.values());
    }

    /** Removes and returns the subscriptions expired by {@code now}. */
    synchronized List<Subscription> removeExpired(Instant now) {
        List<Subscription> expired = byId.values().stream().filter(s -> !s.expiresAt().isAfter(now)).toList();
        expired.forEach(s -> remove(s.id()));
        return expired;
    }

    synchronized int count() {
        return byId.size();
    }
}
