package org.tandem.domain.voicemail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The messages of every mailbox. A message is added by the node that recorded it and filed by any node;
 * each node writes only its own rows, so nodes never write one row twice (ADR 0002).
 */
public interface VoicemailMessages {

    /** Adds a message this node recorded (its {@code recordedBy}); adding it again changes nothing. */
    void add(VoicemailMessage message);

    /** Message {@code id} of mailbox {@code mailboxId}, in whatever folder, if it exists. */
    Optional<VoicemailMessage> find(UUID mailboxId, UUID id);

    /** The mailbox's messages in {@code folder}, oldest first. */
    List<VoicemailMessage> inFolder(UUID mailboxId, MessageFolder folder);

    /**
     * Files message {@code id} of mailbox {@code mailboxId} in {@code to}, as this node's doing; a message
     * already further along stays where it is. Returns where it is now, empty if the mailbox has no such
     * message.
     */
    Optional<MessageFolder> file(UUID mailboxId, UUID id, MessageFolder to);

    /** What the mailbox's message-waiting lamp shows. */
    MessageWaiting waiting(UUID mailboxId);

    /**
     * The messages this node recorded that are deleted, every node's deletion of them before
     * {@code deletedBefore}, oldest first, at most {@code limit}: what this node's purge removes, row first and file after, so a listed
     * message always has its file. Give the other nodes' deletions time to arrive (hours, not seconds).
     */
    List<VoicemailMessage> purgeable(Instant deletedBefore, int limit);

    /**
     * Removes message {@code id} and every node's filing of it, if this node recorded it and it is deleted;
     * whether it did. Only the recording node purges, so a message is removed by one node.
     */
    boolean purge(UUID id);
}
