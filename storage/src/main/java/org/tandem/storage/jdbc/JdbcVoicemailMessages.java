package org.tandem.storage.jdbc;

import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.MessageWaiting;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.domain.voicemail.VoicemailMessages;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Voicemail messages in {@code voicemail_message} (written once, by the node that recorded them) and
 * {@code voicemail_message_filed} (how far each node filed each message, one row per message and node,
 * written only by that node), plain JDBC. A message's folder is the furthest any node filed it, read
 * in the same query as the message, so every node that has received the same rows answers the same.
 */
public final class JdbcVoicemailMessages implements VoicemailMessages {

    /** The furthest folder any node filed message {@code m} in, as its rank in {@link MessageFolder}'s order. */
    private static final String RANK = """
            coalesce((select max(case f.folder when 'SAVED' then 1 when 'DELETED' then 2 end)
                      from voicemail_message_filed f where f.message_id = m.id), 0)""";
    /** Every message with its folder's rank; a condition follows with {@code and}. */
    private static final String SELECT_ANY = "select m.id, m.mailbox_id, m.tenant_id, e.number, m.caller_number,"
            + " m.caller_name, m.received_at, m.duration_millis, m.file_path, m.node_id, " + RANK + " as rank"
            + " from voicemail_message m join extension e on e.id = m.mailbox_id where true";
    /** The messages of one mailbox. */
    private static final String SELECT = SELECT_ANY + " and m.mailbox_id = ?";

    private final DataSource dataSource;
    private final UUID thisNode;

    /** Messages as node {@code thisNode} adds and files them. */
    public JdbcVoicemailMessages(DataSource dataSource, UUID thisNode) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
        this.thisNode = Objects.requireNonNull(thisNode, "this node");
    }

    /**
     * Refuses a message another node recorded (that node's row is that node's to write) and one whose
     * mailbox is not that extension's of that tenant.
     */
    @Override
    public void add(VoicemailMessage message) {
        if (!message.recordedBy().equals(thisNode)) {
            throw new IllegalArgumentException("node " + thisNode + " adds only the messages it recorded, not one of "
                    + message.recordedBy());
        }
        String failure = "could not add voicemail message " + message.id() + " to mailbox " + message.mailboxId();
        int added = Queries.update(dataSource, failure, """
                        insert into voicemail_message (id, mailbox_id, tenant_id, node_id, caller_number, caller_name,
                            received_at, duration_millis, file_path)
                        select ?, b.extension_id, b.tenant_id, ?, ?, ?, ?, ?, ?
                        from voicemail_box b join extension e on e.id = b.extension_id
                        where b.extension_id = ? and b.tenant_id = ? and e.number = ?
                        on conflict (id) do nothing""",
                message.id(), thisNode, message.caller().number(), message.caller().name().orElse(null),
                message.receivedAt(), Math.toIntExact(message.duration().toMillis()), message.file(),
                message.mailboxId(), message.tenantId(), message.extension().digits());
        if (added == 0 && Queries.first(dataSource, failure, "select 1 from voicemail_message where id = ?",
                row -> true, message.id()).isEmpty()) {
            throw new IllegalArgumentException("extension " + message.extension() + " of tenant " + message.tenantId()
                    + " has no mailbox " + message.mailboxId());
        }
    }

    @Override
    public Optional<VoicemailMessage> find(UUID mailboxId, UUID id) {
        return Queries.first(dataSource, "could not read voicemail message " + id, SELECT + " and m.id = ?",
                JdbcVoicemailMessages::message, mailboxId, id);
    }

    @Override
    public List<VoicemailMessage> inFolder(UUID mailboxId, MessageFolder folder) {
        return Queries.list(dataSource, "could not list the " + folder + " messages of mailbox " + mailboxId,
                "select * from (" + SELECT + ") listed where rank = ? order by received_at, id",
                JdbcVoicemailMessages::message, mailboxId, folder.ordinal());
    }

    /**
     * Writes this node's filing of the message (its own row only), never moving it back; the folder is
     * then read over every node's filing.
     */
    @Override
    public Optional<MessageFolder> file(UUID mailboxId, UUID id, MessageFolder to) {
        if (to != MessageFolder.NEW) {
            Queries.update(dataSource, "could not file voicemail message " + id + " in " + to, """
                            insert into voicemail_message_filed (message_id, node_id, mailbox_id, folder, filed_at)
                            select m.id, ?, m.mailbox_id, ?, now() from voicemail_message m where m.id = ? and m.mailbox_id = ?
                            on conflict (message_id, node_id) do update set folder = excluded.folder, filed_at = excluded.filed_at
                            where voicemail_message_filed.folder = 'SAVED' and excluded.folder = 'DELETED'""",
                    thisNode, to.name(), id, mailboxId);
        }
        return find(mailboxId, id).map(VoicemailMessage::folder);
    }

    @Override
    public MessageWaiting waiting(UUID mailboxId) {
        return Queries.first(dataSource, "could not count the messages of mailbox " + mailboxId,
                "select count(*) filter (where rank = 0), count(*) filter (where rank = 1) from ("
                        + SELECT + ") counted",
                row -> new MessageWaiting(row.getInt(1), row.getInt(2)), mailboxId).orElse(MessageWaiting.EMPTY);
    }

    @Override
    public List<VoicemailMessage> purgeable(Instant deletedBefore, int limit) {
        return Queries.list(dataSource, "could not list the deleted voicemail messages of node " + thisNode,
                "select * from (" + SELECT_ANY + " and m.node_id = ?) listed where rank = 2 and not exists ("
                        + "select 1 from voicemail_message_filed f where f.message_id = listed.id and f.folder = 'DELETED'"
                        + " and f.filed_at >= ?) order by received_at, id limit ?",
                JdbcVoicemailMessages::message, thisNode, deletedBefore, limit);
    }

    @Override
    public boolean purge(UUID id) {
        return Queries.update(dataSource, "could not purge voicemail message " + id,
                "delete from voicemail_message m where m.id = ? and m.node_id = ? and " + RANK + " = 2", id, thisNode) > 0;
    }

    private static VoicemailMessage message(ResultSet row) throws SQLException {
        return new VoicemailMessage(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                new ExtensionNumber(row.getString(4)),
                new CallerId(row.getString(5), Optional.ofNullable(row.getString(6))),
                row.getObject(7, OffsetDateTime.class).toInstant(), Duration.ofMillis(row.getInt(8)),
                MessageFolder.values()[row.getInt(11)], row.getString(9), row.getObject(10, UUID.class));
    }
}
