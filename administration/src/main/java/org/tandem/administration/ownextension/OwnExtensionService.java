package org.tandem.administration.ownextension;

import org.tandem.administration.access.Actor;

import java.util.Optional;

/** A tenant user's own phone and calls; every other role has its own pages. */
public interface OwnExtensionService {

    int RECENT_DAYS = 30;
    int SHOWN = 200;

    /**
     * The actor's own extension; empty when the login is linked to none (its extension was deleted,
     * or the admin has not linked one yet).
     *
     * @throws org.tandem.administration.access.AccessDeniedException for any role but tenant user
     */
    Optional<OwnExtension> ownExtension(Actor actor);

    /**
     * Calls {@code onChange} (on a thread of the feed: be quick) whenever the phones of the actor's
     * tenant may have changed, until the returned handle is closed.
     */
    AutoCloseable watch(Actor actor, Runnable onChange);
}
