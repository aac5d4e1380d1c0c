package org.tandem.engine.registrar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.extension.SipCredentials;
import org.tandem.domain.throttle.ThrottlePolicy;
import org.tandem.engine.EngineSettings;
import org.tandem.engine.Eventually;
import org.tandem.engine.accounts.CachedSipAccounts;
import org.tandem.engine.services.RegistrarPolicy;
import org.tandem.testsupport.database.ExtensionRow;
import org.tandem.testsupport.sip.TestPhone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.testsupport.sip.TestPhone.statusOf;

/**
 * The engine keeps SIP accounts in memory, yet a change in the database takes effect at once: the
 * database announces it (LISTEN/NOTIFY from triggers) and the engine reads the account again. The
 * engine here keeps accounts and unknown names for an hour and reads them all again only hourly, so
 * nothing below passes by a cache entry expiring: only the announcement can make it pass within the
 * few seconds each check waits.
 */
@Timeout(60)
class AccountChangesTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    /** Polling with a wrong password must not get the test's phone blocked. */
    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(services -> services.toBuilder().registrar(
            RegistrarPolicy.DEFAULT.withThrottle(new ThrottlePolicy(1_000, 1_000, Duration.ofMinutes(1),
                    Duration.ofMinutes(1), 1_000))).build(),
            EngineSettings.LoadTuning.DEFAULT.withAccounts(
                    new CachedSipAccounts.Settings(Duration.ofHours(1), Duration.ofHours(1), 1_000,
                            Duration.ofHours(1), 1_000)));

    private static RegistrarDatabase db() {
        return NODE.database();
    }

    private static int registerStatus(TestPhone phone) {
        try {
            return statusOf(phone.registerWithAuth(phone.register()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setPassword(String number, String domain, String password) {
        SipCredentials credentials = SipCredentials.derive(number, domain, password.toCharArray());
        db().execute("update extension set ha1_md5 = ?, ha1_sha256 = ? where number = ? "
                        + "and tenant_id = (select id from tenant where sip_domain = ?)",
                credentials.ha1Md5(), credentials.ha1Sha256(), number, domain);
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(registerStatus(phone)).isEqualTo(200);

            setPassword(number, ALPHA, "a-new-secret");

            Eventually.until(() -> registerStatus(phone) == 403, AT_ONCE, () -> "the old password still works");
            assertThat(registerStatus(phone.password("a-new-secret"))).isEqualTo(200);
        }
    }

    @Test
    void aDeletedExtensionIsRefusedAtOnce() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(registerStatus(phone)).isEqualTo(200);

            db().execute("delete from extension where number = ? and tenant_id = ?", number, db().tenantId(ALPHA));

            Eventually.until(() -> registerStatus(phone) == 403, AT_ONCE, () -> "the deleted extension still registers");
        }
    }

    @Test
    void aNewExtensionRegistersAtOnceAfterItsNumberWasTriedUnknown() throws Exception {
        String number = Integer.toString(900_000 + (int) (Math.random() * 99_999));
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(registerStatus(phone)).as("not an extension yet").isEqualTo(403);

            ExtensionRow.extension(db().tenantId(ALPHA), ALPHA, number).insertInto(db().dataSource());

            Eventually.until(() -> registerStatus(phone) == 200, AT_ONCE, () -> "the new extension is still unknown");
        }
    }

    @Test
    void aSuspendedTenantIsRefusedAtOnceAndServedAgainOnceResumed() throws Exception {
        String domain = "delta-" + UUID.randomUUID().toString().substring(0, 8) + ".tandem.test";
        UUID delta = db().newTenant(domain).insertInto(db().dataSource());
        ExtensionRow.extension(delta, domain, "201").insertInto(db().dataSource());
        try (TestPhone phone = TestPhone.udp(NODE.port(), "201", domain)) {
            assertThat(registerStatus(phone)).isEqualTo(200);

            db().execute("update tenant set status = 'SUSPENDED' where sip_domain = ?", domain);
            Eventually.until(() -> registerStatus(phone) == 403, AT_ONCE, () -> "the suspended tenant is still served");

            db().execute("update tenant set status = 'ACTIVE' where sip_domain = ?", domain);
            Eventually.until(() -> registerStatus(phone) == 200, AT_ONCE, () -> "the resumed tenant is still refused");
        }
    }
}
