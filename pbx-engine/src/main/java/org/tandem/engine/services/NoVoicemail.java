package org.tandem.engine.services;

import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MailboxAddress;
import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.MessageWaiting;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.domain.voicemail.VoicemailMessages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** No mailbox and no message: what an engine without a database serves. */
final class NoVoicemail implements Mailboxes, VoicemailMessages {

    static final NoVoicemail INSTANCE = new NoVoicemail();

    private NoVoicemail() {
    }

    @Override
    public Optional<Mailbox> find(UUID tenantId, String number) {
        return Optional.empty();
    }

    @Override
    public Optional<MailboxAddress> addressOf(UUID mailboxId) {
        return Optional.empty();
    }

    @Override
    public List<Mailbox> ofTenant(UUID tenantId) {
        return List.of();
    }

    @Override
    public void add(Mailbox mailbox) {
        throw new UnsupportedOperationException("this engine keeps no mailboxes");
    }

    @Override
    public boolean replace(Mailbox mailbox) {
        return false;
    }

    @Override
    public void add(VoicemailMessage message) {
        throw new UnsupportedOperationException("this engine keeps no mailboxes");
    }

    @Override
    public Optional<VoicemailMessage> find(UUID mailboxId, UUID id) {
        return Optional.empty();
    }

    @Override
    public List<VoicemailMessage> inFolder(UUID mailboxId, MessageFolder folder) {
        return List.of();
    }

    @Override
    public Optional<MessageFolder> file(UUID mailboxId, UUID id, MessageFolder to) {
        return Optional.empty();
    }

    @Override
    public MessageWaiting waiting(UUID mailboxId) {
        return MessageWaiting.EMPTY;
    }

    @Override
    public List<VoicemailMessage> purgeable(Instant deletedBefore, int limit) {
        return List.of();
    }

    @Override
    public boolean purge(UUID id) {
        return false;
    }
}
