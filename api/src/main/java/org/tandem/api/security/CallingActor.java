package org.tandem.api.security;

import jakarta.enterprise.context.RequestScoped;
import org.tandem.administration.access.Actor;

/** The actor of the request being served, set by {@link BearerAuthentication} before any resource runs. */
@RequestScoped
public class CallingActor {

    private Actor actor;

    void set(Actor actor) {
        this.actor = actor;
    }

    public Actor get() {
        if (actor == null) {
            throw new IllegalStateException("the authentication filter runs before every resource");
        }
        return actor;
    }
}
