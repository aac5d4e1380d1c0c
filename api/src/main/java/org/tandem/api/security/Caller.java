package org.tandem.api.security;

import jakarta.enterprise.context.RequestScoped;
import org.tandem.administration.access.Actor;

/** Who the current request acts for, set by {@link Authentication} before any resource runs. */
@RequestScoped
public class Caller {

    /** How the caller proved who it is. */
    public enum Proof {
        TOKEN,
        PASSWORD
    }

    private Actor actor;
    private Proof proof;

    void authenticated(Actor actor, Proof proof) {
        this.actor = actor;
        this.proof = proof;
    }

    public Actor actor() {
        if (actor == null) {
            throw new IllegalStateException("the authentication filter runs before every non-public resource");
        }
        return actor;
    }

    public Proof proof() {
        return proof;
    }
}
