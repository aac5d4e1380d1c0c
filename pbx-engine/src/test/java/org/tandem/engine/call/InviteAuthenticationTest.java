package org.tandem.engine.call;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.sip.TestPhone;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.sip.SipTestClient.headers;
import static org.tandem.engine.call.CallMessages.invite;
import static org.tandem.engine.call.CallMessages.next;
import static org.tandem.engine.call.CallMessages.proxyAuthorization;
import static org.tandem.engine.call.CallMessages.sdp;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.engine.registrar.RegistrarDatabase.BETA;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;

/**
 * A caller must prove it is the From user of the Request-URI's tenant (407, RFC 3261 22.3), with
 * the registrar's algorithms and replay check. The callee has no phone, so an authenticated INVITE
 * ends in 480: that answer shows authentication passed.
 */
@Timeout(30)
class InviteAuthenticationTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    private String caller;
    private String callee;
    private String uri;

    @BeforeEach
    void extensions() {
        RegistrarDatabase db = NODE.database();
        caller = db.newExtension();
        callee = db.newExtension();
        uri = "sip:" + callee + "@" + ALPHA;
    }

    @Test
    void the407OffersMd5ThenSha256AndBothAreAccepted() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), caller, ALPHA)) {
            String required = challenge(phone);
            assertThat(headers(required, "Proxy-Authenticate")).hasSize(2);
            assertThat(headers(required, "Proxy-Authenticate").getFirst()).contains("algorithm=MD5")
                    .contains("realm=\"" + ALPHA + "\"").contains("qop=\"auth\"");
            for (String algorithm : new String[] {"MD5", "SHA-256"}) {
                String answered = phone.exchange(authenticated(phone, caller,
                        proxyAuthorization(challenge(phone), algorithm, caller, defaultPassword(caller, ALPHA), uri, 1)));
                assertThat(TestPhone.statusOf(answered)).as(algorithm).isEqualTo(480);
            }
        }
    }

    @Test
    void aWrongPasswordGets403() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), caller, ALPHA)) {
            String answered = answerAs(phone, caller, "wrong");
            assertThat(TestPhone.statusOf(answered)).isEqualTo(403);
        }
    }

    @Test
    void credentialsOfAnotherExtensionThanTheFromUserGet403() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), caller, ALPHA)) {
            // the callee's own right password, but the From says the caller
            String answered = answerAs(phone, callee, defaultPassword(callee, ALPHA));
            assertThat(TestPhone.statusOf(answered)).isEqualTo(403);
        }
    }

    @Test
    void credentialsOfTheSameNumberInAnotherTenantGet403() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), caller, ALPHA)) {
            String answered = answerAs(phone, caller, defaultPassword(caller, BETA));
            assertThat(TestPhone.statusOf(answered)).isEqualTo(403);
        }
    }

    @Test
    void aReplayedNonceCountIsChallengedAgainAsStale() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), caller, ALPHA)) {
            String authorization = proxyAuthorization(challenge(phone), "MD5", caller, defaultPassword(caller, ALPHA), uri, 1);
            assertThat(TestPhone.statusOf(phone.exchange(authenticated(phone, caller, authorization)))).isEqualTo(480);

            String replayed = phone.exchange(authenticated(phone, caller, authorization));
            assertThat(TestPhone.statusOf(replayed)).isEqualTo(407);
            assertThat(headers(replayed, "Proxy-Authenticate").getFirst()).containsIgnoringCase("stale=true");
        }
    }

    @Test
    void guessingAPasswordThroughInvitesIsThrottledLikeRegister() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), caller, ALPHA)) {
            for (int guess = 0; guess < 5; guess++) {
                String answered = answerAs(phone, caller, "guess-" + guess);
                assertThat(TestPhone.statusOf(answered)).isEqualTo(403);
            }
            String required = challenge(phone);
            phone.send(authenticated(phone, caller,
                    proxyAuthorization(required, "MD5", caller, defaultPassword(caller, ALPHA), uri, 1)));
            assertThat(phone.receive(java.time.Duration.ofMillis(700))).as("a blocked guesser hears nothing").isEmpty();
        }
    }

    /** A phone with an outbound proxy computes the digest for the tenant's domain, as Kamailio accepts. */
    @Test
    void aDigestUriNamingTheTenantsDomainIsAcceptedAndAnotherDomainGets400() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), caller, ALPHA)) {
            String domain = phone.exchange(authenticated(phone, caller,
                    proxyAuthorization(challenge(phone), "MD5", caller, defaultPassword(caller, ALPHA), "sip:" + ALPHA, 1)));
            assertThat(TestPhone.statusOf(domain)).isEqualTo(480);

            String other = phone.exchange(authenticated(phone, caller,
                    proxyAuthorization(challenge(phone), "MD5", caller, defaultPassword(caller, ALPHA), "sip:" + BETA, 1)));
            assertThat(other).startsWith("SIP/2.0 400 Proxy-Authorization URI Names Another Server\r\n");
        }
    }

    /** Over UDP anyone may send INVITEs from a phone's address: made-up nonces count nothing. */
    @Test
    void invitesWithMadeUpNoncesAreChallengedAndDoNotBlockTheirSourceAddress() throws Exception {
        try (TestPhone phone = TestPhone.udp(NODE.port(), caller, ALPHA)) {
            for (int i = 0; i < 22; i++) {
                String forged = challenge(phone).replaceAll("nonce=\"[^\"]+\"", "nonce=\"made-up-" + i + "\"");
                String answered = phone.exchange(authenticated(phone, caller,
                        proxyAuthorization(forged, "MD5", caller, "guess", uri, 1)));
                assertThat(TestPhone.statusOf(answered)).as("forgery %d", i).isEqualTo(407);
            }
            String answered = answerAs(phone, caller, defaultPassword(caller, ALPHA));
            assertThat(TestPhone.statusOf(answered)).isEqualTo(480);
        }
    }

    private String challenge(TestPhone phone) throws Exception {
        String required = phone.exchange(invite(phone, caller, uri, UUID.randomUUID().toString(), "t1", 1,
                sdp("caller", "sendrecv"), null));
        assertThat(TestPhone.statusOf(required)).isEqualTo(407);
        return required;
    }

    /**
     * What a new INVITE from the caller gets once it answers a fresh MD5 challenge as {@code user}
     * with {@code password}.
     */
    private String answerAs(TestPhone phone, String user, String password) throws Exception {
        return phone.exchange(authenticated(phone, caller,
                proxyAuthorization(challenge(phone), "MD5", user, password, uri, 1)));
    }

    private String authenticated(TestPhone phone, String from, String authorization) {
        return invite(phone, from, uri, UUID.randomUUID().toString(), "t2", 2, sdp("caller", "sendrecv"), authorization);
    }
}
