package org.tandem.storage.notification;

import org.tandem.domain.account.RevokedLoginFeed;

import java.util.Objects;

/**
 * Portal logins removed or given a new password, on any node, from channel {@value #CHANNEL}
 * (migration V80's triggers on {@code portal_account}, which also fire for replicated changes).
 */
public final class PostgresRevokedLogins implements RevokedLoginFeed {

    public static final String CHANNEL = "portal_login_revoked";

    private final PostgresChannel.Connections connections;

    public PostgresRevokedLogins(PostgresChannel.Connections connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public AutoCloseable start(Listener listener) {
        return PostgresChannel.listenForIds(CHANNEL, connections, listener::revoked, listener::mayHaveMissedRevocations);
    }
}
