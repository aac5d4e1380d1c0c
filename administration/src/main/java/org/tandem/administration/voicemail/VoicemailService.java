package org.tandem.administration.voicemail;

import org.tandem.administration.access.Actor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Mailboxes and their messages. A tenant's admins, its reseller and the operator reach every mailbox of
 * the tenant; a tenant user only the mailbox of their own extension. Anything out of reach (another
 * tenant's mailbox or message, another extension's for a tenant user) is "not found", as if it did not exist.
 */
public interface VoicemailService {

    /** Field names, as {@link org.tandem.administration.shared.InvalidInputException} reports them. */
    String ENABLED = "enabled";
    String NO_ANSWER = "noAnswerSeconds";
    String EMAIL = "email";
    String ATTACH_AUDIO = "attachAudio";
    String PIN = "pin";

    /** The tenant's mailboxes by number: every one for an admin, the own one (if any) for a tenant user. */
    List<MailboxSummary> mailboxes(Actor actor, UUID tenantId);

    /** The tenant's extensions that have no mailbox, by number: an admin's list; empty for a tenant user. */
    List<ExtensionWithoutMailbox> withoutMailbox(Actor actor, UUID tenantId);

    /**
     * Opens the mailbox of extension {@code number}, which has none (made before every new extension got
     * one): enabled, with a generated PIN, on the tenant's home node. For the tenant's admins, its reseller
     * and the operator.
     *
     * @throws org.tandem.administration.access.NotFoundException no such extension in the actor's reach
     * @throws org.tandem.domain.shared.AlreadyTakenException     the extension has its mailbox already
     */
    OpenedMailbox open(Actor actor, UUID tenantId, String number);

    /** The number of a tenant user's own extension, when it has a mailbox; empty for every other role. */
    Optional<String> ownMailbox(Actor actor);

    /** @throws org.tandem.administration.access.NotFoundException no such mailbox in the actor's reach */
    MailboxSummary mailbox(Actor actor, UUID tenantId, String number);

    /** The mailbox's messages that are not deleted, newest first. */
    List<MessageEntry> messages(Actor actor, UUID tenantId, String number);

    /** Files the message as read (saved); a message already read stays as it is. */
    MessageEntry markRead(Actor actor, UUID tenantId, String number, UUID messageId);

    /** Deletes the message: nobody sees it again, and the recording node purges it later. */
    void delete(Actor actor, UUID tenantId, String number, UUID messageId);

    /**
     * The message's recording, open to read.
     *
     * @throws org.tandem.administration.access.NotFoundException no such message, or its recording is not there
     * @throws VoicemailUnavailableException                     the files cannot be read now
     */
    MessageAudio audio(Actor actor, UUID tenantId, String number, UUID messageId);

    /**
     * Replaces the mailbox's settings (and its PIN when a new one is given) on the tenant's home node.
     *
     * @throws org.tandem.administration.shared.InvalidInputException every field's problem in plain words
     */
    MailboxSummary changeSettings(Actor actor, UUID tenantId, String number, MailboxChange change);

    /**
     * Calls {@code onChange} (on a thread of the feed: be quick) whenever a message of the tenant's
     * mailboxes may have arrived or been filed, until the returned handle is closed.
     */
    AutoCloseable watch(Actor actor, UUID tenantId, Runnable onChange);
}
