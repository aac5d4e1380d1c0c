package org.tandem.engine.mwi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.engine.services.MessageWaitingPolicy;
import org.tandem.testsupport.sip.TestPhone;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;

/**
 * A node with tight limits and no unsolicited NOTIFYs: subscriptions past the node's bound are refused
 * (503, counted) whoever asks, and a phone that only registered is not told of its mailbox.
 */
@Timeout(60)
class MessageWaitingLimitsTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(services -> services.toBuilder()
            .voicemail(services.voicemail().withLamps(MessageWaitingPolicy.DEFAULT.withLimits(2, 3).withUnsolicited(false)))
            .build());

    @Test
    void theNodesBoundHoldsAcrossExtensions() throws Exception {
        MessageWaitingLamps lamps = NODE.engine().lamps().orElseThrow();
        int[] statuses = new int[4];
        for (int i = 0; i < statuses.length; i++) {
            String number = withMailbox().extension().digits();
            try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
                Subscriber subscriber = new Subscriber(phone, number, ALPHA, defaultPassword(number, ALPHA));
                statuses[i] = TestPhone.statusOf(subscriber.subscribe(number, "message-summary", 3600));
                if (statuses[i] == 200) {
                    subscriber.awaitNotify(Duration.ofSeconds(5));
                }
            }
        }
        assertThat(statuses).containsExactly(200, 200, 200, 503);
        assertThat(lamps.subscriptionCount()).isEqualTo(3);
        assertThat(lamps.refusedSubscriptions()).isEqualTo(1);
    }

    @Test
    void aPhoneThatOnlyRegisteredIsNotToldWhenUnsolicitedNotifiesAreOff() throws Exception {
        Mailbox mailbox = withMailbox();
        String number = mailbox.extension().digits();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(TestPhone.statusOf(phone.registerWithAuth(phone.register().expires(300)))).isEqualTo(200);
            TestMailboxes.leaveMessage(NODE.database(), mailbox);
            assertThat(phone.receive(Duration.ofSeconds(2))).isEmpty();
        }
    }

    private static Mailbox withMailbox() {
        return TestMailboxes.newMailbox(NODE.database());
    }
}
