package org.tandem.administration.shared;

import jakarta.annotation.PreDestroy;
import org.tandem.domain.shared.TenantChangeFeed;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's event bus for one kind of change (registrations, active calls): one database feed for
 * the whole node, fanned out to whoever watches a tenant (each open live view). The feed starts
 * with the first watcher, so a node nobody looks at holds no listening connection, and the
 * database is surely up by then. Each kind is an application-scoped subclass naming its feed.
 */
public abstract class TenantChanges {

    private static final System.Logger LOG = System.getLogger(TenantChanges.class.getName());

    private final Map<UUID, Set<Runnable>> watchers = new ConcurrentHashMap<>();
    private AutoCloseable running;

    /** The database's feed of this kind of change. */
    protected abstract TenantChangeFeed feed();

    /** What changes, for the log ("registration"). */
    protected abstract String kind();

    /** Calls {@code onChange} whenever a row of {@code tenantId} changes, until the handle is closed. */
    public AutoCloseable watch(UUID tenantId, Runnable onChange) {
        startOnce();
        watchers.computeIfAbsent(tenantId, id -> ConcurrentHashMap.newKeySet()).add(onChange);
        return () -> watchers.computeIfPresent(tenantId, (id, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    private synchronized void startOnce() {
        if (running == null) {
            running = feed().start(new TenantChangeFeed.Listener() {
                @Override
                public void changed(UUID tenantId) {
                    tell(watchers.getOrDefault(tenantId, Set.of()));
                }

                @Override
                public void mayHaveMissedChanges() {
                    watchers.values().forEach(TenantChanges.this::tell);
                }
            });
        }
    }

    private void tell(Set<Runnable> toTell) {
        Watchers.tellAll(toTell, LOG, "A " + kind() + " watcher failed");
    }

    @PreDestroy
    synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "The " + kind() + " feed did not stop cleanly", e);
            }
            running = null;
        }
    }
}
