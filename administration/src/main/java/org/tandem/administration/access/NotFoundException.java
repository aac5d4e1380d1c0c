package org.tandem.administration.access;

/**
 * No such object in the actor's scope: it does not exist, or it belongs to someone else. The two are
 * one answer on purpose, so an id tried from outside its owner's scope reveals nothing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
