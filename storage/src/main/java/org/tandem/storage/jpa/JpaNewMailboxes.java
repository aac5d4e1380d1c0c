package org.tandem.storage.jpa;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.NewMailboxes;
import org.tandem.storage.jdbc.JdbcMailboxes;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * New extensions' mailboxes, written on the entity manager's own connection in its transaction: the
 * mailboxes' table has no entity ({@link JdbcMailboxes}), and its rows read their extensions' rows.
 */
public final class JpaNewMailboxes implements NewMailboxes {

    private final EntityManager entityManager;

    public JpaNewMailboxes(EntityManager entityManager) {
        this.entityManager = Objects.requireNonNull(entityManager, "entity manager");
    }

    @Override
    public void open(List<Mailbox> opened) {
        // the extensions persisted before must be rows by now: each insert selects its extension's
        entityManager.flush();
        Instant now = Instant.now();
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (Mailbox mailbox : opened) {
                JdbcMailboxes.insert(connection, mailbox, now);
            }
        });
    }
}
