package org.tandem.engine.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.engine.mwi.Subscriber;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.testsupport.sip.TestPhone;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;

/**
 * The lamps are right whichever node a message is left or filed on: a message recorded on node A
 * lights the lamp of a phone registered (not subscribed: unsolicited) and of one subscribed on node B,
 * through replication and B's {@code voicemail_changed}; deleting it on B turns both off.
 */
@Timeout(90)
class MessageWaitingAcrossNodesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String DOMAIN = RegistrarDatabase.ALPHA;

    @RegisterExtension
    static final ReplicatingNodes NODES = new ReplicatingNodes();

    @Test
    void aMessageLeftOnALightsTheLampsOnBAndDeletingItOnBTurnsThemOff() throws Exception {
        String number = NODES.newExtension(DOMAIN);
        Mailbox mailbox = NODES.newMailbox(DOMAIN, number);
        try (TestPhone registered = NODES.b().phone("UDP", number, DOMAIN);
             TestPhone subscribing = NODES.b().phone("UDP", number, DOMAIN)) {
            assertThat(TestPhone.statusOf(registered.registerWithAuth(registered.register().expires(300)))).isEqualTo(200);
            Subscriber subscriber = new Subscriber(subscribing, number, DOMAIN, defaultPassword(number, DOMAIN));
            assertThat(TestPhone.statusOf(subscriber.subscribe(number, "message-summary", 3600))).isEqualTo(200);
            assertThat(Subscriber.body(subscriber.awaitNotify(WAIT))).contains("Messages-Waiting: no");
            Subscriber unsolicited = new Subscriber(registered, number, DOMAIN, defaultPassword(number, DOMAIN));

            VoicemailMessage left = VoicemailMessage.recorded(mailbox, CallerId.asSent("0301234", "Caller"),
                    Instant.now(), Duration.ofSeconds(5), NODES.a().id());
            NODES.messagesOn(NODES.a()).add(left);
            assertThat(Subscriber.body(subscriber.awaitNotifyContaining("Voice-Message: 1/0 (0/0)", WAIT)))
                    .contains("Messages-Waiting: yes");
            assertThat(Subscriber.body(unsolicited.awaitNotifyContaining("Voice-Message: 1/0 (0/0)", WAIT)))
                    .contains("Messages-Waiting: yes");

            NODES.messagesOn(NODES.b()).file(mailbox.extensionId(), left.id(), MessageFolder.DELETED);
            assertThat(Subscriber.body(subscriber.awaitNotifyContaining("Voice-Message: 0/0 (0/0)", WAIT)))
                    .contains("Messages-Waiting: no");
            assertThat(Subscriber.body(unsolicited.awaitNotifyContaining("Voice-Message: 0/0 (0/0)", WAIT)))
                    .contains("Messages-Waiting: no");
        }
    }
}
