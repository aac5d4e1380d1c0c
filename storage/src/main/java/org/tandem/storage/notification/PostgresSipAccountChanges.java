package org.tandem.storage.notification;

import org.tandem.domain.extension.SipAccountChanges;
import org.tandem.domain.tenant.SipDomain;

import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Changes to SIP accounts as the database announces them on channel {@code sip_account_changed}
 * (migration V30's triggers on {@code extension} and {@code tenant}, which also fire for rows
 * replicated from other nodes).
 */
public final class PostgresSipAccountChanges implements SipAccountChanges {

    static final String CHANNEL = "sip_account_changed";
    private static final System.Logger LOG = System.getLogger(PostgresSipAccountChanges.class.getName());

    private final PostgresChannel.Connections connections;

    public PostgresSipAccountChanges(PostgresChannel.Connections connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public AutoCloseable start(Listener listener) {
        return PostgresChannel.listen(CHANNEL, connections, payload -> tell(listener, payload),
                listener::mayHaveMissedChanges);
    }

    private static void tell(Listener listener, String payload) {
        String[] words = payload.split(" ");
        try {
            if (words.length == 3 && words[0].equals("account")) {
                listener.accountChanged(new SipDomain(words[1]), words[2]);
                return;
            }
            if (words.length == 2 && words[0].equals("domain")) {
                listener.domainChanged(new SipDomain(words[1]));
                return;
            }
        } catch (IllegalArgumentException notADomain) {
            // falls through: the payload is not one the triggers write
        }
        LOG.log(Level.WARNING, "Ignored a notice on {0} that names no account or domain: {1}", CHANNEL, payload);
        listener.mayHaveMissedChanges();
    }
}
