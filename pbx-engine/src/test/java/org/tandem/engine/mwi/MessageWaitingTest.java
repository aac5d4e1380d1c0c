package org.tandem.engine.mwi;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.sip.TestPhone;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.engine.registrar.RegistrarDatabase.BETA;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;
import static org.tandem.testsupport.sip.SipTestClient.headers;

/**
 * Message-waiting lamps on one node, with hand-written phones: SUBSCRIBE for message-summary through
 * the digest pipeline, the NOTIFYs' bodies, refresh, unsubscribe, refusals, the per-address bound, and
 * the NOTIFYs a mailbox's change sends to subscribers and (unsolicited) to phones that only registered.
 */
@Timeout(60)
class MessageWaitingTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    private String number;
    private Mailbox mailbox;

    @BeforeEach
    void mailboxWithOneNewAndOneSavedMessage() {
        mailbox = TestMailboxes.newMailbox(NODE.database());
        number = mailbox.extension().digits();
        leaveMessage();
        TestMailboxes.messages(NODE.database()).file(mailbox.extensionId(), leaveMessage().id(), MessageFolder.SAVED);
    }

    @Test
    void aSubscribeIsChallengedThenAcceptedAndTheFirstNotifyCarriesTheCounts() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            Subscriber subscriber = subscriber(phone);
            assertThat(TestPhone.statusOf(subscriber.subscribeUnauthenticated(number))).isEqualTo(407);

            String accepted = subscriber.subscribe(number, "message-summary", 600);
            assertThat(TestPhone.statusOf(accepted)).isEqualTo(200);
            assertThat(headers(accepted, "Expires")).containsExactly("600");
            String notify = subscriber.awaitNotify(WAIT);
            assertThat(headers(notify, "Event")).containsExactly("message-summary");
            assertThat(headers(notify, "Subscription-State").getFirst()).startsWith("active").contains("expires=");
            assertThat(headers(notify, "Content-Type")).containsExactly("application/simple-message-summary");
            assertThat(Subscriber.body(notify).lines()).containsExactly("Messages-Waiting: yes",
                    "Message-Account: sip:" + number + "@" + ALPHA, "Voice-Message: 1/1 (0/0)");
        }
    }

    @Test
    void aRefreshIsAcceptedAndExpiresZeroEndsTheSubscriptionWithATerminatedNotify() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            Subscriber subscriber = subscriber(phone);
            assertThat(TestPhone.statusOf(subscriber.subscribe(number, "message-summary", 3600))).isEqualTo(200);
            subscriber.awaitNotify(WAIT);

            String refreshed = subscriber.subscribe(number, "message-summary", 120);
            assertThat(TestPhone.statusOf(refreshed)).isEqualTo(200);
            assertThat(headers(refreshed, "Expires")).containsExactly("120");
            assertThat(headers(subscriber.awaitNotify(WAIT), "Subscription-State").getFirst()).startsWith("active");

            assertThat(TestPhone.statusOf(subscriber.subscribe(number, "message-summary", 0))).isEqualTo(200);
            String last = subscriber.awaitNotifyContaining("Subscription-State: terminated", WAIT);
            assertThat(headers(last, "Subscription-State").getFirst()).as("ended, not expired").doesNotContain("timeout");
            assertThat(Subscriber.body(last)).contains("Voice-Message: 1/1 (0/0)");

            // the dialog is gone: refreshing it again is 481
            assertThat(TestPhone.statusOf(subscriber.subscribe(number, "message-summary", 3600))).isEqualTo(481);
        }
    }

    @Test
    void aSubscriptionOverTcpGetsItsNotifiesOnItsConnection() throws Exception {
        try (TestPhone phone = TestPhone.tcp(NODE.port(), number, ALPHA)) {
            Subscriber subscriber = subscriber(phone);
            assertThat(TestPhone.statusOf(subscriber.subscribe(number, "message-summary", 3600))).isEqualTo(200);
            assertThat(Subscriber.body(subscriber.awaitNotify(WAIT))).contains("Voice-Message: 1/1 (0/0)");
            leaveMessage();
            subscriber.awaitNotifyContaining("Voice-Message: 2/1 (0/0)", WAIT);
        }
    }

    @Test
    void anExpiredSubscriptionEndsWithATerminatedNotifyAndTooShortAnOneGets423() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            String tooBrief = subscriber(phone).subscribe(number, "message-summary", 30);
            assertThat(TestPhone.statusOf(tooBrief)).isEqualTo(423);
            assertThat(headers(tooBrief, "Min-Expires")).containsExactly("60");

            Subscriber subscriber = subscriber(phone);
            assertThat(TestPhone.statusOf(subscriber.subscribe(number, "message-summary", 60))).isEqualTo(200);
            subscriber.awaitNotify(WAIT);
            NODE.clock().advance(Duration.ofSeconds(61));
            // the sweep runs every 5 s
            String last = subscriber.awaitNotifyContaining("Subscription-State: terminated", Duration.ofSeconds(10));
            assertThat(headers(last, "Subscription-State").getFirst()).contains("reason=timeout");
        }
    }

    @Test
    void anUnknownEventPackageGets489WithTheOneItKnows() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            String answer = subscriber(phone).subscribe(number, "presence", 3600);
            assertThat(TestPhone.statusOf(answer)).isEqualTo(489);
            assertThat(headers(answer, "Allow-Events")).containsExactly("message-summary");
        }
    }

    @Test
    void aPhoneCannotSubscribeToAnotherExtensionsOrAnotherTenantsMailbox() throws Exception {
        String other = NODE.database().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), other, ALPHA)) {
            String answer = subscriber(phone, other, ALPHA, defaultPassword(other, ALPHA)).subscribe(number,
                    "message-summary", 3600);
            assertThat(TestPhone.statusOf(answer)).as("another extension's mailbox").isEqualTo(403);
        }
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, BETA)) {
            // the same number in tenant BETA, naming ALPHA's mailbox with BETA's password
            String answer = new Subscriber(phone, number, ALPHA, defaultPassword(number, BETA)).subscribe(number,
                    "message-summary", 3600);
            assertThat(TestPhone.statusOf(answer)).as("another tenant's phone").isEqualTo(403);
        }
    }

    @Test
    void aSubscriberAndAPhoneThatOnlyRegisteredAreToldWhenAMessageArrives() throws Exception {
        try (TestPhone subscribing = TestPhone.udp(NODE.port(), number, ALPHA);
             TestPhone registered = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(TestPhone.statusOf(registered.registerWithAuth(registered.register().expires(300)))).isEqualTo(200);
            Subscriber subscriber = subscriber(subscribing);
            assertThat(TestPhone.statusOf(subscriber.subscribe(number, "message-summary", 3600))).isEqualTo(200);
            subscriber.awaitNotify(WAIT);

            leaveMessage();
            subscriber.awaitNotifyContaining("Voice-Message: 2/1 (0/0)", WAIT);
            String unsolicited = subscriber(registered).awaitNotifyContaining("Voice-Message: 2/1 (0/0)", WAIT);
            assertThat(headers(unsolicited, "To").getFirst()).doesNotContain("tag=");
            assertThat(Subscriber.body(unsolicited)).contains("Messages-Waiting: yes").contains("Voice-Message: 2/1 (0/0)");
        }
    }

    @Test
    void aFloodOfSubscriptionsForOneAddressIsBoundedAndCounted() throws Exception {
        MessageWaitingLamps lamps = NODE.engine().lamps().orElseThrow();
        long refusedBefore = lamps.refusedSubscriptions();
        int accepted = 0;
        int refused = 0;
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            for (int i = 0; i < 15; i++) {
                int status = TestPhone.statusOf(subscriber(phone).subscribe(number, "message-summary", 3600));
                if (status == 200) {
                    accepted++;
                    subscriber(phone).awaitNotify(WAIT);
                } else {
                    assertThat(status).isEqualTo(503);
                    refused++;
                }
            }
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(refused).isEqualTo(5);
        assertThat(lamps.refusedSubscriptions() - refusedBefore).isEqualTo(5);
    }

    private Subscriber subscriber(TestPhone phone) {
        return subscriber(phone, number, ALPHA, defaultPassword(number, ALPHA));
    }

    private static Subscriber subscriber(TestPhone phone, String user, String domain, String password) {
        return new Subscriber(phone, user, domain, password);
    }

    private VoicemailMessage leaveMessage() {
        return TestMailboxes.leaveMessage(NODE.database(), mailbox);
    }
}
