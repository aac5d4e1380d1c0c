package org.tandem.engine.mwi;

import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.domain.voicemail.VoicemailPin;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/** Mailboxes and messages in the registrar tests' database, as the portal and a recording node write them. */
final class TestMailboxes {

    private TestMailboxes() {
    }

    /** A new extension of tenant ALPHA with a mailbox. */
    static Mailbox newMailbox(RegistrarDatabase db) {
        String number = db.newExtension();
        UUID extension = UUID.fromString(db.strings("select id::text from extension where number = ? and tenant_id = ?",
                number, db.tenantId(ALPHA)).getFirst());
        Mailbox mailbox = Mailbox.open(extension, db.tenantId(ALPHA), new ExtensionNumber(number),
                VoicemailPin.choose("4826", new ExtensionNumber(number)));
        new JdbcMailboxes(db.dataSource()).add(mailbox);
        return mailbox;
    }

    /** The messages as this node reads, adds and files them. */
    static JdbcVoicemailMessages messages(RegistrarDatabase db) {
        return new JdbcVoicemailMessages(db.dataSource(), db.nodeId());
    }

    /** A new message in {@code mailbox}, recorded by this node. */
    static VoicemailMessage leaveMessage(RegistrarDatabase db, Mailbox mailbox) {
        VoicemailMessage message = VoicemailMessage.recorded(mailbox, CallerId.asSent("0301234", "Caller"),
                Instant.now(), Duration.ofSeconds(7), db.nodeId());
        messages(db).add(message);
        return message;
    }
}
