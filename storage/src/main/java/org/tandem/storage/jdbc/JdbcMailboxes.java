package org.tandem.storage.jdbc;

import org.tandem.domain.account.PasswordHash;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.voicemail.EmailNotification;
import org.tandem.domain.voicemail.Greetings;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MailboxAddress;
import org.tandem.domain.voicemail.MailboxSettings;
import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.VoicemailPin;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Mailboxes in {@code voicemail_box}, plain JDBC, for the engine's calls into voicemail and the portal's
 * settings alike. A mailbox is its tenant's configuration: every write runs in a transaction of its own
 * with the home-node check first (and the database refuses an unchecked one in a cluster).
 */
public final class JdbcMailboxes implements Mailboxes {

    private static final Pattern NUMBER = Pattern.compile("[0-9]{2,10}");
    private static final String SELECT = """
            select b.extension_id, b.tenant_id, e.number, b.enabled, b.pin_hash, b.no_answer_seconds,
                   b.unavailable_greeting, b.busy_greeting, b.name_greeting, b.email, b.attach_audio
            from voicemail_box b join extension e on e.id = b.extension_id
            where b.tenant_id = ?""";

    private final TenantConfigurationWrites writes;

    /** Reads anywhere; writes only on a node in no cluster (elsewhere the database refuses them). */
    public JdbcMailboxes(DataSource dataSource) {
        this.writes = new TenantConfigurationWrites(dataSource, Optional.empty());
    }

    /** Writes each change after {@code homeNode} has checked that this node is the tenant's home. */
    public JdbcMailboxes(DataSource dataSource, HomeNodeConnectionCheck homeNode) {
        this.writes = new TenantConfigurationWrites(dataSource, Optional.of(homeNode));
    }

    @Override
    public Optional<Mailbox> find(UUID tenantId, String number) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            return Optional.empty();
        }
        return Queries.first(writes.dataSource(), "could not read the mailbox of extension " + number + " of tenant " + tenantId,
                SELECT + " and e.number = ?", JdbcMailboxes::mailbox, tenantId, number);
    }

    @Override
    public Optional<MailboxAddress> addressOf(UUID mailboxId) {
        return Queries.first(writes.dataSource(), "could not read the address of mailbox " + mailboxId, """
                select b.extension_id, b.tenant_id, t.sip_domain, e.number
                from voicemail_box b join extension e on e.id = b.extension_id join tenant t on t.id = b.tenant_id
                where b.extension_id = ?""", row -> new MailboxAddress(row.getObject(1, UUID.class),
                row.getObject(2, UUID.class), new SipDomain(row.getString(3)), new ExtensionNumber(row.getString(4))),
                mailboxId);
    }

    @Override
    public List<Mailbox> ofTenant(UUID tenantId) {
        return Queries.list(writes.dataSource(), "could not read the mailboxes of tenant " + tenantId,
                SELECT + " order by e.number", JdbcMailboxes::mailbox, tenantId);
    }

    @Override
    public void add(Mailbox mailbox) {
        write(mailbox, connection -> insert(connection, mailbox, Instant.now()), "could not add the mailbox of extension ");
    }

    @Override
    public boolean replace(Mailbox mailbox) {
        return write(mailbox, connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    update voicemail_box set enabled = ?, pin_hash = ?, no_answer_seconds = ?, unavailable_greeting = ?,
                        busy_greeting = ?, name_greeting = ?, email = ?, attach_audio = ?, version = version + 1
                    where extension_id = ? and tenant_id = ?""")) {
                int next = settings(statement, 1, mailbox);
                statement.setObject(next, mailbox.extensionId());
                statement.setObject(next + 1, mailbox.tenantId());
                return statement.executeUpdate() > 0;
            }
        }, "could not change the mailbox of extension ");
    }

    /**
     * Adds {@code mailbox} on {@code connection}, in its caller's transaction (new extensions, {@code JpaNewMailboxes}):
     * refuses an extension that is not that number of that tenant, and a second mailbox for one.
     */
    public static boolean insert(Connection connection, Mailbox mailbox, Instant createdAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into voicemail_box (enabled, pin_hash, no_answer_seconds, unavailable_greeting, busy_greeting,
                    name_greeting, email, attach_audio, extension_id, tenant_id, created_at)
                select ?, ?, ?, ?, ?, ?, ?, ?, e.id, e.tenant_id, ? from extension e
                where e.id = ? and e.tenant_id = ? and e.number = ?""")) {
            int next = settings(statement, 1, mailbox);
            statement.setObject(next, createdAt.atOffset(ZoneOffset.UTC));
            statement.setObject(next + 1, mailbox.extensionId());
            statement.setObject(next + 2, mailbox.tenantId());
            statement.setString(next + 3, mailbox.extension().digits());
            if (statement.executeUpdate() == 0) {
                throw new IllegalArgumentException("Extension " + mailbox.extension() + " is not an extension of this company");
            }
            return true;
        }
    }

    /** Sets the settings' parameters from {@code first} on; returns the next parameter's index. */
    private static int settings(PreparedStatement statement, int first, Mailbox mailbox) throws SQLException {
        MailboxSettings settings = mailbox.settings();
        statement.setBoolean(first, settings.enabled());
        statement.setString(first + 1, mailbox.pin().hash().encoded());
        statement.setInt(first + 2, Math.toIntExact(settings.noAnswer().toSeconds()));
        statement.setBoolean(first + 3, settings.greetings().unavailable());
        statement.setBoolean(first + 4, settings.greetings().busy());
        statement.setBoolean(first + 5, settings.greetings().name());
        statement.setString(first + 6, settings.notification().address().orElse(null));
        statement.setBoolean(first + 7, settings.notification().attachAudio());
        return first + 8;
    }

    private static Mailbox mailbox(ResultSet row) throws SQLException {
        return new Mailbox(row.getObject(1, UUID.class), row.getObject(2, UUID.class), new ExtensionNumber(row.getString(3)),
                new VoicemailPin(new PasswordHash(row.getString(5))), new MailboxSettings(row.getBoolean(4),
                Duration.ofSeconds(row.getInt(6)), new Greetings(row.getBoolean(7), row.getBoolean(8), row.getBoolean(9)),
                new EmailNotification(Optional.ofNullable(row.getString(10)), row.getBoolean(11))));
    }

    /** {@code change} of {@code mailbox}'s row, with the refusals in words. */
    private boolean write(Mailbox mailbox, TenantConfigurationWrites.Change<Boolean> change, String failure) {
        try {
            return writes.inTransaction(mailbox.tenantId(), change);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new AlreadyTakenException("Extension " + mailbox.extension() + " already has a mailbox", e);
            }
            throw new StorageException(failure + mailbox.extension() + " of tenant " + mailbox.tenantId(), e);
        }
    }
}
