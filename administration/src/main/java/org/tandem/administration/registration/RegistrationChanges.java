package org.tandem.administration.registration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.domain.registration.RegistrationFeed;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's event bus for registration changes: one database feed for the whole node, fanned out
 * to whoever watches a tenant (each open live view). The feed starts with the first watcher, so a
 * node nobody looks at holds no listening connection, and the database is surely up by then.
 */
@ApplicationScoped
public class RegistrationChanges {

    private static final System.Logger LOG = System.getLogger(RegistrationChanges.class.getName());

    private RegistrationFeed feed;
    private final Map<UUID, Set<Runnable>> watchers = new ConcurrentHashMap<>();
    private AutoCloseable running;

    /** For CDI's client proxy only. */
    protected RegistrationChanges() {
    }

    @Inject
    public RegistrationChanges(RegistrationFeed feed) {
        this.feed = feed;
    }

    /** Calls {@code onChange} whenever a binding of {@code tenantId} changes, until the handle is closed. */
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
            running = feed.start(new RegistrationFeed.Listener() {
                @Override
                public void changed(UUID tenantId) {
                    tell(watchers.getOrDefault(tenantId, Set.of()));
                }

                @Override
                public void mayHaveMissedChanges() {
                    watchers.values().forEach(RegistrationChanges.this::tell);
                }
            });
        }
    }

    private void tell(Set<Runnable> toTell) {
        for (Runnable watcher : toTell) {
            try {
                watcher.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A registration watcher failed", e);
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "The registration feed did not stop cleanly", e);
            }
            running = null;
        }
    }
}
