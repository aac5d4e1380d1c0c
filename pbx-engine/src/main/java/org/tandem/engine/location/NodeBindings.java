package org.tandem.engine.location;

import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.BindingChange;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.registration.RegistrationRepository;
import org.tandem.engine.writebehind.WriteBehind;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BooleanSupplier;

/**
 * This node's bindings, held in memory as the node's working copy and written behind to the
 * database, which stays the shared truth. The registrar and the call router read this node's
 * bindings here, without a round trip; bindings of another node are read from the database, where
 * replication (#5) brings them.
 *
 * <p>A change is in memory when {@link #apply} returns, so the 200 to a REGISTER and every later
 * call see it; it reaches the database within a few milliseconds ({@link Settings#writes}), many
 * changes to one transaction. What a crash of the node can lose is what had not been written yet:
 * at most the last batch window of changes. A lost refresh or new binding comes back with the
 * phone's next REGISTER (phones refresh before their binding expires); a lost removal leaves a
 * binding that expires by itself. A clean stop ({@link #close()}) writes everything first.
 *
 * <p>While the database cannot take writes, changes keep being served from memory and wait, up to
 * {@link WriteBehind.Settings#capacity}; past that {@link #apply} refuses with
 * {@link BindingsBacklogged}, and the registrar answers 503 until the database catches up.
 *
 * <p>Only this node writes its bindings, and the engine serialises the REGISTERs of one address,
 * so memory never disagrees with what this node has written or will write.
 */
public final class NodeBindings implements RegistrationRepository, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NodeBindings.class.getName());
    private static final Comparator<Registration> OLDEST_FIRST =
            Comparator.comparing(Registration::registeredAt).thenComparing(Registration::contactUri);

    /**
     * @param writes how this node's changes are batched to the database
     */
    public record Settings(WriteBehind.Settings writes) {

        /**
         * Batches of up to 1,000 changes, 5 ms after the first: at 2,500 REGISTERs a second about 200
         * commits a second instead of 2,500. Up to 100,000 changes wait while the database is away
         * (about the bindings of 100,000 phones, some tens of MB); 10 s to write them at shutdown.
         */
        public static final Settings DEFAULT = new Settings(
                new WriteBehind.Settings(Duration.ofMillis(5), 1_000, 100_000, Duration.ofSeconds(10)));
    }

    /**
     * More changes wait for the database than {@link WriteBehind.Settings#capacity}, or the database
     * does not answer: try later, or elsewhere.
     */
    public static final class BindingsBacklogged extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BindingsBacklogged(String why) {
            super(why, null, false, false);
        }
    }

    private final RegistrationRepository database;
    private final UUID nodeId;
    private final ConcurrentMap<AddressOfRecord, List<Registration>> bindings = new ConcurrentHashMap<>();
    private final WriteBehind<BindingChange.Key, BindingChange> writes;
    private final BooleanSupplier databaseReachable;

    private NodeBindings(RegistrationRepository database, UUID nodeId, Settings settings,
                         BooleanSupplier databaseReachable) {
        this.database = Objects.requireNonNull(database, "database");
        this.databaseReachable = databaseReachable;
        this.nodeId = Objects.requireNonNull(nodeId, "node id");
        this.writes = new WriteBehind<>("bindings", database::apply, settings.writes(),
                lost -> LOG.log(Level.WARNING, lost.size() + " binding change(s) not stored in the database; "
                        + "the phones concerned get them back when they next register"));
    }

    /**
     * This node's working copy, loaded from the database: the bindings it took before a restart and
     * that have not expired at {@code now}. It takes no new ones while {@code databaseReachable} says no.
     */
    public static NodeBindings load(RegistrationRepository database, UUID nodeId, Instant now, Settings settings,
                                    BooleanSupplier databaseReachable) {
        List<Registration> stored = database.allActive(nodeId, now);
        NodeBindings node = new NodeBindings(database, nodeId, settings, databaseReachable);
        for (Registration binding : stored) {
            node.bindings.merge(binding.aor(), List.of(binding), NodeBindings::joined);
        }
        if (!stored.isEmpty()) {
            LOG.log(Level.INFO, "Loaded {0} bindings of {1} addresses taken by this node before it started",
                    stored.size(), node.bindings.size());
        }
        return node;
    }

    private static List<Registration> joined(List<Registration> a, List<Registration> b) {
        List<Registration> both = new ArrayList<>(a);
        both.addAll(b);
        return List.copyOf(both);
    }

    /**
     * Applies {@code changes} to memory at once and hands them to the database writer.
     *
     * @throws IllegalArgumentException if a change is not about this node's bindings
     * @throws BindingsBacklogged       if too many changes already wait for the database; nothing changed
     */
    @Override
    public void apply(List<BindingChange> changes) {
        for (BindingChange change : changes) {
            requireThisNode(change.key().nodeId());
        }
        if (!writes.hasRoom()) {
            throw new BindingsBacklogged(writes.backlog() + " binding changes wait for the database");
        }
        if (!databaseReachable.getAsBoolean()) {
            throw new BindingsBacklogged("the database does not answer");
        }
        Map<AddressOfRecord, List<BindingChange>> byAddress = new LinkedHashMap<>();
        changes.forEach(change -> byAddress.computeIfAbsent(change.key().aor(), aor -> new ArrayList<>()).add(change));
        // Memory and the writer's queue change together, so they see one address's changes in one order.
        byAddress.forEach((aor, ofAddress) -> bindings.compute(aor, (key, current) -> {
            Map<String, Registration> byContact = new LinkedHashMap<>();
            if (current != null) {
                current.forEach(binding -> byContact.put(binding.contactUri(), binding));
            }
            for (BindingChange change : ofAddress) {
                BindingChange stored = change;
                switch (change) {
                    case BindingChange.Saved saved -> {
                        Registration kept = keepingIdentity(saved.binding(), byContact.get(saved.binding().contactUri()));
                        byContact.put(kept.contactUri(), kept);
                        stored = new BindingChange.Saved(kept);
                    }
                    case BindingChange.Removed removed -> byContact.remove(removed.key().contactUri());
                }
                writes.put(stored.key(), stored);
            }
            return byContact.isEmpty() ? null : List.copyOf(byContact.values());
        }));
    }

    /** A refreshed binding keeps the id of the one it refreshes, as its database row does. */
    private static Registration keepingIdentity(Registration refresh, Registration existing) {
        if (existing == null || existing.id().equals(refresh.id())) {
            return refresh;
        }
        return new Registration(existing.id(), refresh.nodeId(), refresh.aor(), refresh.contactUri(),
                refresh.instanceId(), refresh.flow(), refresh.callId(), refresh.cseq(), refresh.userAgent(),
                refresh.registeredAt(), refresh.expiresAt());
    }

    @Override
    public int removeAll(UUID owner, AddressOfRecord aor) {
        requireThisNode(owner);
        List<Registration> current = bindings.getOrDefault(aor, List.of());
        apply(current.stream()
                .<BindingChange>map(binding -> new BindingChange.Removed(nodeId, aor, binding.contactUri()))
                .toList());
        return current.size();
    }

    /** This node's bindings come from memory; another node's from the database. */
    @Override
    public List<Registration> active(UUID owner, AddressOfRecord aor, Instant now) {
        if (!owner.equals(nodeId)) {
            return database.active(owner, aor, now);
        }
        return bindings.getOrDefault(aor, List.of()).stream()
                .filter(binding -> binding.isActiveAt(now))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /**
     * This node's bindings from memory (the database may not have them yet), the other nodes' from
     * the database, where replication puts them; this node's first, then oldest first.
     */
    @Override
    public List<Registration> activeAnywhere(AddressOfRecord aor, Instant now) {
        List<Registration> here = active(nodeId, aor, now);
        List<Registration> elsewhere = database.activeAnywhere(aor, now).stream()
                .filter(binding -> !binding.nodeId().equals(nodeId))
                .toList();
        if (elsewhere.isEmpty()) {
            return here;
        }
        List<Registration> all = new ArrayList<>(here);
        all.addAll(elsewhere);
        return List.copyOf(all);
    }

    @Override
    public List<Registration> allActive(UUID owner, Instant now) {
        if (!owner.equals(nodeId)) {
            return database.allActive(owner, now);
        }
        return bindings.values().stream().flatMap(List::stream).filter(binding -> binding.isActiveAt(now)).toList();
    }

    /**
     * Forgets this node's bindings expired at {@code now} (they are no longer served anyway), and
     * deletes at most {@code limit} expired rows of the node from the database.
     */
    @Override
    public int deleteExpired(UUID owner, Instant now, int limit) {
        if (owner.equals(nodeId)) {
            for (AddressOfRecord aor : bindings.keySet()) {
                bindings.computeIfPresent(aor, (key, current) -> {
                    List<Registration> live = current.stream().filter(binding -> binding.isActiveAt(now)).toList();
                    return live.isEmpty() ? null : live;
                });
            }
        }
        return database.deleteExpired(owner, now, limit);
    }

    @Override
    public long countActive(UUID owner, Instant now) {
        if (!owner.equals(nodeId)) {
            return database.countActive(owner, now);
        }
        return bindings.values().stream().flatMap(List::stream).filter(binding -> binding.isActiveAt(now)).count();
    }

    /** Waits, for at most {@code timeout}, until every change made so far is in the database; whether it is. */
    public boolean awaitWritten(Duration timeout) {
        return writes.awaitWritten(timeout);
    }

    private void requireThisNode(UUID owner) {
        if (!owner.equals(nodeId)) {
            throw new IllegalArgumentException("node " + nodeId + " cannot change the bindings of node " + owner);
        }
    }

    /** Writes every change still waiting to the database (for at most the writer's close timeout). */
    @Override
    public void close() {
        writes.close();
    }
}
