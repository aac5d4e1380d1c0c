package org.tandem.storage.notification;

import org.tandem.domain.registration.RegistrationFeed;
import org.tandem.domain.shared.TenantChangeFeed;

import java.util.Objects;

/**
 * A feed of tenants whose rows changed, from a channel whose payload is the tenant's id:
 * {@value #REGISTRATIONS} (migration V10's trigger on {@code registration}) and
 * {@value #ACTIVE_CALLS} (V60's on {@code active_call}). Both triggers also fire for rows replicated
 * from other nodes, so the feed tells of changes made anywhere in the cluster.
 */
public final class PostgresTenantChanges implements TenantChangeFeed {

    public static final String REGISTRATIONS = "registration_changed";
    public static final String ACTIVE_CALLS = "active_call_changed";
    /** V83's trigger on the voicemail messages and their filings; its payload is the mailbox's id, not a tenant's. */
    public static final String VOICEMAIL = "voicemail_changed";

    private final String channel;
    private final PostgresChannel.Connections connections;

    public PostgresTenantChanges(String channel, PostgresChannel.Connections connections) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /** The tenants whose bindings changed, on any node. */
    public static RegistrationFeed registrations(PostgresChannel.Connections connections) {
        return new PostgresTenantChanges(REGISTRATIONS, connections)::start;
    }

    @Override
    public AutoCloseable start(Listener listener) {
        return PostgresChannel.listenForIds(channel, connections, listener::changed, listener::mayHaveMissedChanges);
    }
}
