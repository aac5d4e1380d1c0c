package org.tandem.portal.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.domain.account.RevokedLoginFeed;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser sessions signed in on this node, by login, so that a login removed or given a new
 * password, on any node, signs its browsers out at once: they would otherwise keep working until
 * they sign out or sit idle, with the rights of a login that no longer has them. One database feed
 * for the node, started with the first sign-in.
 * <p>
 * While the node cannot listen to its database a revocation may go unheard; when it listens again,
 * every session signed in here is signed out, since which ones were revoked cannot be known.
 */
@ApplicationScoped
public class SignedInSessions {

    private static final System.Logger LOG = System.getLogger(SignedInSessions.class.getName());

    private RevokedLoginFeed feed;
    private final Map<UUID, Set<VaadinSession>> byLogin = new ConcurrentHashMap<>();
    /** Sessions changing their own login's password: its revocation signs out only the others. */
    private final Map<UUID, Set<VaadinSession>> changingOwnPassword = new ConcurrentHashMap<>();
    private AutoCloseable running;
    private volatile boolean listened;

    /** For CDI's client proxy only. */
    protected SignedInSessions() {
    }

    @Inject
    public SignedInSessions(RevokedLoginFeed feed) {
        this.feed = feed;
    }

    /** {@code session} is signed in as login {@code accountId} from now on. */
    public void signedIn(UUID accountId, VaadinSession session) {
        startOnce();
        byLogin.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** {@code session} signed out or expired. */
    public void ended(VaadinSession session) {
        byLogin.values().forEach(sessions -> sessions.remove(session));
        byLogin.values().removeIf(Set::isEmpty);
        settled(session);
    }

    /**
     * {@code session} is about to change the password of its own login {@code accountId}: the
     * revocation that change causes signs out the login's other sessions, not this one.
     */
    public void changingOwnPassword(UUID accountId, VaadinSession session) {
        changingOwnPassword.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** {@code session}'s own password change was refused, or its revocation has come. */
    public void settled(VaadinSession session) {
        changingOwnPassword.values().forEach(sessions -> sessions.remove(session));
        changingOwnPassword.values().removeIf(Set::isEmpty);
    }

    private synchronized void startOnce() {
        if (running != null) {
            return;
        }
        running = feed.start(new RevokedLoginFeed.Listener() {
            @Override
            public void revoked(UUID accountId) {
                Set<VaadinSession> kept = changingOwnPassword.remove(accountId);
                Set<VaadinSession> sessions = byLogin.remove(accountId);
                if (sessions != null && kept != null) {
                    sessions.removeAll(kept);
                    byLogin.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet()).addAll(kept);
                }
                if (sessions != null && !sessions.isEmpty()) {
                    LOG.log(Level.INFO, "Signed out {0} browser session(s) of login {1}: it was removed or its password "
                            + "changed", sessions.size(), accountId);
                    sessions.forEach(SignedInSessions::signOut);
                }
            }

            @Override
            public void mayHaveMissedRevocations() {
                if (!listened) {
                    listened = true; // the feed just started: nothing signed in here yet can have been revoked unheard
                    return;
                }
                int count = byLogin.values().stream().mapToInt(Set::size).sum();
                if (count > 0) {
                    LOG.log(Level.WARNING, "Signed out all {0} browser session(s) of this node: while it could not "
                            + "listen to its database, a login may have been removed or its password changed", count);
                    byLogin.keySet().forEach(this::revoked);
                }
            }
        });
    }

    /** Forgets the user and closes the session, telling its pages to go to the login page. */
    private static void signOut(VaadinSession session) {
        session.access(() -> {
            session.setAttribute(SignedInUser.class, null);
            session.getUIs().forEach(ui -> ui.getPage().setLocation(CurrentUser.AFTER_SIGN_OUT));
            session.close();
        });
    }

    @PreDestroy
    public synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "The feed of revoked logins did not stop cleanly", e);
            }
            running = null;
        }
    }
}
