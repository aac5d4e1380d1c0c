package org.tandem.engine.registrar;

import org.tandem.testsupport.sip.TestPhone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.engine.registrar.RegistrarDatabase.BETA;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;
import static org.tandem.engine.registrar.RegistrarTest.contactsOf;
import static org.tandem.testsupport.sip.TestPhone.statusOf;

/**
 * Tenants are sealed: tenants alpha and beta both have extension N, with different passwords. A
 * phone of one can never register as, or into, the other, whichever part of the request it bends
 * (Request-URI, To, digest realm, digest user), and the two N never see each other's bindings.
 */
@Timeout(30)
class TenantSealingTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    private static RegistrarDatabase db() {
        return NODE.database();
    }

    @Test
    void theSameNumberInTwoTenantsKeepsTwoSeparateSetsOfBindings() throws Exception {
        String number = db().newExtension();
        try (TestPhone alphaPhone = TestPhone.udp(NODE.port(), number, ALPHA);
             TestPhone betaPhone = TestPhone.tcp(NODE.port(), number, BETA).algorithm("SHA-256")) {
            String alphaOk = alphaPhone.registerWithAuth(alphaPhone.register());
            String betaOk = betaPhone.registerWithAuth(betaPhone.register());

            assertThat(contactsOf(alphaOk)).singleElement().asString().contains(alphaPhone.contactUri());
            assertThat(contactsOf(betaOk)).singleElement().asString().contains(betaPhone.contactUri());
            assertThat(db().storedContacts(number, ALPHA)).containsExactly(alphaPhone.contactUri());
            assertThat(db().storedContacts(number, BETA)).containsExactly(betaPhone.contactUri());

            String alphaRemovesAll = alphaPhone.registerWithAuth(alphaPhone.register().contacts("*").expires(0));
            assertThat(statusOf(alphaRemovesAll)).isEqualTo(200);
            assertThat(db().storedContacts(number, BETA)).as("beta's binding is not alpha's to remove")
                    .containsExactly(betaPhone.contactUri());
        }
    }

    @Test
    void alphasPasswordDoesNotOpenBetasExtensionAndTheOtherWayRound() throws Exception {
        String number = db().newExtension();
        // Each phone is configured for the other tenant's domain, with its own tenant's password.
        try (TestPhone alphaIntoBeta = TestPhone.udp(NODE.port(), number, BETA).password(defaultPassword(number, ALPHA));
             TestPhone betaIntoAlpha = TestPhone.udp(NODE.port(), number, ALPHA).password(defaultPassword(number, BETA))) {
            assertThat(alphaIntoBeta.registerWithAuth(alphaIntoBeta.register())).startsWith("SIP/2.0 403 Forbidden");
            assertThat(betaIntoAlpha.registerWithAuth(betaIntoAlpha.register())).startsWith("SIP/2.0 403 Forbidden");
        }
        assertThat(db().storedContacts(number, ALPHA)).isEmpty();
        assertThat(db().storedContacts(number, BETA)).isEmpty();
    }

    @Test
    void aPhoneAnsweringInItsOwnRealmCannotRegisterIntoAnotherDomain() throws Exception {
        String number = db().newExtension();
        // Right credentials for alpha (realm alpha), but the request aims at beta's domain or address.
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            String betaRequestUri = phone.registerWithAuth(phone.register()
                    .requestUri("sip:" + BETA).to("sip:" + number + "@" + BETA).digestRealm(ALPHA).digestUri("sip:" + BETA));
            String betaTo = phone.registerWithAuth(phone.register().to("sip:" + number + "@" + BETA));

            assertThat(betaRequestUri).startsWith("SIP/2.0 403 Forbidden");
            assertThat(betaTo).startsWith("SIP/2.0 403 Forbidden");
        }
        assertThat(db().storedContacts(number, ALPHA)).isEmpty();
        assertThat(db().storedContacts(number, BETA)).isEmpty();
    }

    @Test
    void oneExtensionsCredentialsCannotRegisterAnotherExtension() throws Exception {
        String mine = db().newExtension();
        String theirs = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), mine, ALPHA)) {
            // To names another extension of the same tenant; the digest is the phone's own, and right.
            String response = phone.registerWithAuth(phone.register().to("sip:" + theirs + "@" + ALPHA));
            assertThat(response).startsWith("SIP/2.0 403 Forbidden");
        }
        assertThat(db().storedContacts(theirs, ALPHA)).isEmpty();
        assertThat(db().storedContacts(mine, ALPHA)).isEmpty();
    }
}
