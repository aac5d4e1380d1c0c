package org.tandem.storage.notification;

import org.tandem.domain.voicemail.VoicemailChanges;

import java.util.Objects;

/**
 * Changes to mailboxes' messages as the database announces them on channel {@code voicemail_changed}
 * (migration V83's triggers, which also fire for rows replicated from other nodes), each naming the mailbox.
 */
public final class PostgresVoicemailChanges implements VoicemailChanges {

    static final String CHANNEL = "voicemail_changed";

    private final PostgresChannel.Connections connections;

    public PostgresVoicemailChanges(PostgresChannel.Connections connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public AutoCloseable start(Listener listener) {
        return PostgresChannel.listenForIds(CHANNEL, connections, listener::mailboxChanged,
                listener::mayHaveMissedChanges);
    }
}
