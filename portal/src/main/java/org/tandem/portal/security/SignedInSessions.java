package org.tandem.portal.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import org.tandem.domain.account.RevokedLoginFeed;

import java.lang.System.Logger.Level;
import java.util.Collections;
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

    @Inject
    private RevokedLoginFeed feed;
    /** The HTTP sessions signed in, by login and then by session id (the container may hand out more than one object per session). */
    private final Map<UUID, Map<String, HttpSession>> byLogin = new ConcurrentHashMap<>();
    /** Ids of the sessions changing their own login's password: its revocation signs out only the others. */
    private final Map<UUID, Set<String>> changingOwnPassword = new ConcurrentHashMap<>();
    private AutoCloseable running;
    private volatile boolean listened;

    /** {@code session} is signed in as {@code user} from now on. */
    public void signedIn(HttpSession session, SignedInUser user) {
        startOnce();
        session.setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
        byLogin.computeIfAbsent(user.actor().accountId(), id -> new ConcurrentHashMap<>()).put(session.getId(), session);
    }

    /** {@code session} signed out or expired. */
    public void ended(HttpSession session) {
        byLogin.values().forEach(sessions -> sessions.remove(session.getId()));
        byLogin.values().removeIf(Map::isEmpty);
        settled(session);
    }

    /**
     * {@code session} is about to change the password of its own login {@code accountId}: the
     * revocation that change causes signs out the login's other sessions, not this one.
     */
    public void changingOwnPassword(UUID accountId, HttpSession session) {
        changingOwnPassword.computeIfAbsent(accountId, id -> ConcurrentHashMap.newKeySet()).add(session.getId());
    }

    /** {@code session}'s own password change was refused, or its revocation has come. */
    public void settled(HttpSession session) {
        changingOwnPassword.values().forEach(ids -> ids.remove(session.getId()));
        changingOwnPassword.values().removeIf(Set::isEmpty);
    }

    private synchronized void startOnce() {
        if (running != null) {
            return;
        }
        running = feed.start(new RevokedLoginFeed.Listener() {
            @Override
            public void revoked(UUID accountId) {
                Set<String> kept = changingOwnPassword.remove(accountId);
                Map<String, HttpSession> sessions = byLogin.remove(accountId);
                if (sessions != null && kept != null) {
                    Map<String, HttpSession> keeping = byLogin.computeIfAbsent(accountId, id -> new ConcurrentHashMap<>());
                    kept.forEach(id -> {
                        HttpSession session = sessions.remove(id);
                        if (session != null) {
                            keeping.put(id, session);
                        }
                    });
                }
                if (sessions != null && !sessions.isEmpty()) {
                    LOG.log(Level.INFO, "Signed out {0} browser session(s) of login {1}: it was removed or its password "
                            + "changed", sessions.size(), accountId);
                    sessions.values().forEach(SignedInSessions::signOut);
                }
            }

            @Override
            public void mayHaveMissedRevocations() {
                if (!listened) {
                    listened = true; // the feed just started: nothing signed in here yet can have been revoked unheard
                    return;
                }
                int count = byLogin.values().stream().mapToInt(Map::size).sum();
                if (count > 0) {
                    LOG.log(Level.WARNING, "Signed out all {0} browser session(s) of this node: while it could not "
                            + "listen to its database, a login may have been removed or its password changed", count);
                    byLogin.keySet().forEach(this::revoked);
                }
            }
        });
    }

    /**
     * Forgets the user at once, so that no request of the session acts for them any more, and closes
     * its Vaadin sessions, telling their pages to go to the sign-in page: a page that has not gone by
     * its next request finds its Vaadin session expired, reloads, and is sent to the sign-in page.
     */
    private static void signOut(HttpSession session) {
        try {
            session.removeAttribute(SignedInUser.SESSION_ATTRIBUTE);
            for (String name : Collections.list(session.getAttributeNames())) {
                if (session.getAttribute(name) instanceof VaadinSession vaadin) {
                    vaadin.access(() -> {
                        vaadin.getUIs().forEach(ui -> ui.getPage().setLocation(CurrentUser.AFTER_SIGN_OUT));
                        vaadin.close();
                    });
                }
            }
        } catch (IllegalStateException alreadyEnded) {
            // the session ended meanwhile: nothing is signed in there any more
        }
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
