package org.tandem.engine.registrar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.Eventually;
import org.tandem.engine.services.RegistrarPolicy;
import org.tandem.testsupport.database.NodeRow;
import org.tandem.testsupport.sip.TestPhone;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.engine.registrar.RegistrarTest.contactsOf;
import static org.tandem.testsupport.sip.TestPhone.challenges;
import static org.tandem.testsupport.sip.TestPhone.statusOf;

/**
 * Bindings live in the database, not in the engine: a restarted engine still has them (and, with a
 * new nonce secret, re-challenges phones as stale); expired ones stop being served at once and are
 * deleted by the periodic cleanup (every 200 ms here), which leaves other nodes' rows alone.
 */
@Timeout(30)
class BindingLifetimeTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(services -> services.toBuilder().registrar(
            RegistrarPolicy.DEFAULT.withCleanupPeriod(Duration.ofMillis(200))).build());

    private static RegistrarDatabase db() {
        return NODE.database();
    }

    @Test
    void aRestartedEngineKeepsTheBindingsAndAsksForFreshCredentials() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(statusOf(phone.registerWithAuth(phone.register().expires(600)))).isEqualTo(200);
            Map<String, String> oldChallenge = TestPhone.challenge(phone.send(phone.register()), "MD5").orElseThrow();

            NODE.restartEngine();

            String withOldNonce = phone.send(phone.register().authorization(phone.answer(oldChallenge, phone.register(), 1)));
            // a nonce of the engine before the restart is unknown now: a fresh challenge, the password unchecked
            assertThat(statusOf(withOldNonce)).isEqualTo(401);
            assertThat(challenges(withOldNonce).getFirst()).as("unknown nonce").doesNotContainKey("stale");
            String query = phone.registerWithAuth(phone.register().contacts());
            assertThat(statusOf(query)).isEqualTo(200);
            assertThat(contactsOf(query)).containsExactly("<" + phone.contactUri() + ">;expires=600");
        }
    }

    @Test
    void expiredBindingsAreNoLongerServedAndTheCleanupDeletesOnlyThisNodesRows() throws Exception {
        String number = db().newExtension();
        UUID otherNode = NodeRow.node("other-" + number, "127.0.0.9").insertInto(db().dataSource());
        Instant now = NODE.clock().instant();
        db().execute("insert into registration (id, node_id, tenant_id, extension_number, contact_uri, flow, call_id, "
                        + "cseq, registered_at, expires_at) values (?, ?, ?, ?, 'sip:elsewhere@127.0.0.9', "
                        + "'udp:127.0.0.9:5060', 'c', 1, ?, ?)",
                UUID.randomUUID(), otherNode, db().tenantId(ALPHA), number,
                java.sql.Timestamp.from(now.minusSeconds(120)), java.sql.Timestamp.from(now.minusSeconds(60)));

        try (TestPhone shortLived = TestPhone.udp(NODE.port(), number, ALPHA);
             TestPhone longLived = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(statusOf(shortLived.registerWithAuth(shortLived.register().expires(60)))).isEqualTo(200);
            assertThat(statusOf(longLived.registerWithAuth(longLived.register().expires(3600)))).isEqualTo(200);

            NODE.clock().advance(Duration.ofSeconds(61));

            String query = longLived.registerWithAuth(longLived.register().contacts());
            assertThat(contactsOf(query)).as("an expired binding is not served, even before the cleanup")
                    .singleElement().asString().contains(longLived.contactUri());
            Eventually.until(() -> !db().storedContacts(number, ALPHA).contains(shortLived.contactUri()),
                    Duration.ofSeconds(5), () -> "the cleanup did not delete the expired binding");
            assertThat(db().storedContacts(number, ALPHA))
                    .containsExactlyInAnyOrder(longLived.contactUri(), "sip:elsewhere@127.0.0.9");
        }
    }
}
