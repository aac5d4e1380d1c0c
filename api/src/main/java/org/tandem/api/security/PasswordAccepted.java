package org.tandem.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Also takes the login's username and password (HTTP Basic), besides a bearer token; with
 * {@code tokenAccepted = false}, only the password: making a token must prove the person, since a
 * token that could make tokens would outlive its own expiry and revocation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PasswordAccepted {

    boolean tokenAccepted() default true;
}
