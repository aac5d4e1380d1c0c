package org.tandem.engine.registrar;

import org.tandem.testsupport.sip.TestPhone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.sip.SipTestClient.headers;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.engine.registrar.RegistrarDatabase.BETA;
import static org.tandem.testsupport.sip.TestPhone.challenges;
import static org.tandem.testsupport.sip.TestPhone.statusOf;

/**
 * The registrar end to end: phones over UDP and TCP against an engine whose accounts and bindings
 * are in a real PostgreSQL. Authentication, bindings and their rules; tenant sealing, throttling,
 * restarts and cleanup have their own classes.
 */
@Timeout(30)
class RegistrarTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    private static RegistrarDatabase db() {
        return NODE.database();
    }

    /** The contacts of a 200, one per element, whether sent as several headers or one comma-separated. */
    static List<String> contactsOf(String response) {
        return headers(response, "Contact").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",\\s*(?=<)")))
                .toList();
    }

    @Test
    void aRegisterWithoutCredentialsIsChallengedWithMd5FirstAndSha256Second() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            String response = phone.send(phone.register());

            assertThat(statusOf(response)).isEqualTo(401);
            List<Map<String, String>> offered = challenges(response);
            assertThat(offered).extracting(c -> c.get("algorithm")).containsExactly("MD5", "SHA-256");
            assertThat(offered).allSatisfy(c -> {
                assertThat(c.get("scheme")).isEqualTo("Digest");
                assertThat(c.get("realm")).isEqualTo(ALPHA);
                assertThat(c.get("qop")).isEqualTo("auth");
                assertThat(c.get("nonce")).isEqualTo(offered.getFirst().get("nonce")).hasSizeGreaterThan(20);
                assertThat(c).doesNotContainKey("stale");
            });
            assertThat(headers(response, "WWW-Authenticate").getFirst()).contains("qop=\"auth\"");
            assertThat(db().storedContacts(number, ALPHA)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MD5", "SHA-256"})
    void aPhoneRegistersWithEitherDigestAndItsBindingIsStored(String algorithm) throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA).algorithm(algorithm)) {
            String response = phone.registerWithAuth(phone.register());

            assertThat(statusOf(response)).as(response).isEqualTo(200);
            assertThat(contactsOf(response)).containsExactly("<" + phone.contactUri() + ">;expires=3600");
            assertThat(headers(response, "Date")).singleElement().asString().endsWith("GMT");
            assertThat(db().storedContacts(number, ALPHA)).containsExactly(phone.contactUri());
            assertThat(db().storedColumn("flow", number, ALPHA, phone.contactUri()))
                    .isEqualTo("udp:127.0.0.1:" + phone.localPort());
            assertThat(db().storedColumn("call_id", number, ALPHA, phone.contactUri())).isEqualTo(phone.callId());
            assertThat(db().storedColumn("user_agent", number, ALPHA, phone.contactUri())).isEqualTo("TestPhone/1.0");
            assertThat(db().storedColumn("node_id", number, ALPHA, phone.contactUri())).isEqualTo(db().nodeId().toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"MD5", "SHA-256"})
    void overTcpTheBindingRemembersTheConnection(String algorithm) throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.tcp(NODE.port(), number, ALPHA).algorithm(algorithm)) {
            String response = phone.registerWithAuth(phone.register().expires(300));

            assertThat(statusOf(response)).as(response).isEqualTo(200);
            assertThat(contactsOf(response)).containsExactly("<" + phone.contactUri() + ">;expires=300");
            assertThat(db().storedColumn("flow", number, ALPHA, phone.contactUri()))
                    .isEqualTo("tcp:127.0.0.1:" + phone.localPort());
        }
    }

    @Test
    void theFlowIsWhereThePacketCameFromNotWhatViaClaims() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            String response = phone.registerWithAuth(phone.register().behindNat("10.0.0.99:5099"));

            assertThat(statusOf(response)).isEqualTo(200);
            assertThat(db().storedColumn("flow", number, ALPHA, phone.contactUri()))
                    .isEqualTo("udp:127.0.0.1:" + phone.localPort());
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndBindsNothing() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA).password("not-the-password")) {
            String response = phone.registerWithAuth(phone.register());

            assertThat(statusOf(response)).isEqualTo(403);
            assertThat(response).startsWith("SIP/2.0 403 Forbidden\r\n");
            assertThat(db().storedContacts(number, ALPHA)).isEmpty();
        }
    }

    @Test
    void anUnknownExtensionOrDomainLooksExactlyLikeAWrongPassword() throws Exception {
        try (TestPhone unknownNumber = TestPhone.udp(NODE.port(), "99", ALPHA);
             TestPhone unknownDomain = TestPhone.udp(NODE.port(), "101", "nowhere.tandem.test")) {
            String firstAnswer = unknownDomain.send(unknownDomain.register());
            assertThat(statusOf(firstAnswer)).as("challenged like any other domain").isEqualTo(401);
            assertThat(challenges(firstAnswer)).as("like a tenant that kept the default digest choice")
                    .extracting(c -> c.get("algorithm")).containsExactly("MD5");

            assertThat(unknownNumber.registerWithAuth(unknownNumber.register())).startsWith("SIP/2.0 403 Forbidden\r\n");
            assertThat(unknownDomain.registerWithAuth(unknownDomain.register())).startsWith("SIP/2.0 403 Forbidden\r\n");
        }
    }

    @Test
    void aRequestUriThatCannotBeATenantsDomainGets404() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            String response = phone.send(phone.register().requestUri("sip:127.0.0.1:" + NODE.port()));
            assertThat(statusOf(response)).isEqualTo(404);
        }
    }

    @Test
    void severalPhonesOfOneExtensionAreAllListed() throws Exception {
        String number = db().newExtension();
        try (TestPhone desk = TestPhone.udp(NODE.port(), number, ALPHA);
             TestPhone softphone = TestPhone.tcp(NODE.port(), number, ALPHA).algorithm("SHA-256")) {
            assertThat(statusOf(desk.registerWithAuth(desk.register().expires(600)))).isEqualTo(200);
            String response = softphone.registerWithAuth(softphone.register().expires(900));

            assertThat(statusOf(response)).isEqualTo(200);
            assertThat(contactsOf(response)).containsExactlyInAnyOrder(
                    "<" + desk.contactUri() + ">;expires=600", "<" + softphone.contactUri() + ">;expires=900");
            assertThat(db().storedContacts(number, ALPHA)).hasSize(2);
        }
    }

    @Test
    void aRefreshExtendsTheSameBindingAndAQueryListsIt() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(statusOf(phone.registerWithAuth(phone.register().expires(600)))).isEqualTo(200);
            String firstExpiry = db().storedColumn("expires_at", number, ALPHA, phone.contactUri());
            NODE.clock().advance(Duration.ofSeconds(100));

            String query = phone.registerWithAuth(phone.register().contacts());
            assertThat(statusOf(query)).isEqualTo(200);
            assertThat(contactsOf(query)).containsExactly("<" + phone.contactUri() + ">;expires=500");

            String refreshed = phone.registerWithAuth(phone.register().expires(600));
            assertThat(statusOf(refreshed)).isEqualTo(200);
            assertThat(contactsOf(refreshed)).containsExactly("<" + phone.contactUri() + ">;expires=600");
            assertThat(db().storedContacts(number, ALPHA)).hasSize(1);
            assertThat(db().storedColumn("expires_at", number, ALPHA, phone.contactUri())).isNotEqualTo(firstExpiry);
        }
    }

    @Test
    void expiresZeroRemovesOneContactAndTheStarRemovesAll() throws Exception {
        String number = db().newExtension();
        try (TestPhone first = TestPhone.udp(NODE.port(), number, ALPHA);
             TestPhone second = TestPhone.udp(NODE.port(), number, ALPHA)) {
            first.registerWithAuth(first.register());
            second.registerWithAuth(second.register());
            String third = "<sip:" + number + "@127.0.0.1:5999>;expires=120";
            assertThat(contactsOf(second.registerWithAuth(second.register().contacts(third)))).hasSize(3);

            String afterRemoval = first.registerWithAuth(first.register().expires(0));
            assertThat(statusOf(afterRemoval)).isEqualTo(200);
            assertThat(contactsOf(afterRemoval)).hasSize(2).noneMatch(c -> c.contains(first.contactUri()));

            String afterStar = first.registerWithAuth(first.register().contacts("*").expires(0));
            assertThat(statusOf(afterStar)).as(afterStar).isEqualTo(200);
            assertThat(contactsOf(afterStar)).isEmpty();
            assertThat(db().storedContacts(number, ALPHA)).isEmpty();
        }
    }

    @Test
    void theStarMustStandAloneWithExpiresZero() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            phone.registerWithAuth(phone.register());

            String withoutExpires = phone.registerWithAuth(phone.register().contacts("*"));
            String withExpires = phone.registerWithAuth(phone.register().contacts("*").expires(60));
            String withAnother = phone.registerWithAuth(phone.register().contacts("*", "<sip:x@127.0.0.1:5998>").expires(0));

            assertThat(List.of(withoutExpires, withExpires, withAnother)).allSatisfy(r -> assertThat(statusOf(r)).isEqualTo(400));
            assertThat(db().storedContacts(number, ALPHA)).containsExactly(phone.contactUri());
        }
    }

    @Test
    void aTooShortExpiryGets423WithMinExpiresAndALongOneIsCut() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            String tooBrief = phone.registerWithAuth(phone.register().expires(30));
            assertThat(statusOf(tooBrief)).isEqualTo(423);
            assertThat(headers(tooBrief, "Min-Expires")).containsExactly("60");
            assertThat(db().storedContacts(number, ALPHA)).isEmpty();

            String tooBriefInContact = phone.registerWithAuth(phone.register().contacts("<" + phone.contactUri() + ">;expires=59"));
            assertThat(statusOf(tooBriefInContact)).isEqualTo(423);

            String tooLong = phone.registerWithAuth(phone.register().expires(86_400));
            assertThat(contactsOf(tooLong)).containsExactly("<" + phone.contactUri() + ">;expires=3600");
        }
    }

    @Test
    void aContactBeyondTheExtensionsLimitIsRefusedNamingTheLimit() throws Exception {
        String number = db().newExtension(2);
        try (TestPhone one = TestPhone.udp(NODE.port(), number, ALPHA);
             TestPhone two = TestPhone.udp(NODE.port(), number, ALPHA);
             TestPhone three = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(statusOf(one.registerWithAuth(one.register()))).isEqualTo(200);
            assertThat(statusOf(two.registerWithAuth(two.register()))).isEqualTo(200);

            String refused = three.registerWithAuth(three.register());
            assertThat(refused).startsWith("SIP/2.0 403 Too Many Contacts\r\n");
            assertThat(headers(refused, "Warning")).singleElement().asString()
                    .startsWith("399 ").contains("Contact limit of 2");
            assertThat(db().storedContacts(number, ALPHA)).hasSize(2);

            assertThat(statusOf(one.registerWithAuth(one.register().expires(1200)))).as("a refresh is not a new contact")
                    .isEqualTo(200);
        }
    }

    @Test
    void thePhoneComingBackUnderANewAddressReplacesItsBindingByInstance() throws Exception {
        String number = db().newExtension(1);
        String instance = ";+sip.instance=\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\"";
        try (TestPhone before = TestPhone.udp(NODE.port(), number, ALPHA);
             TestPhone after = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(statusOf(before.registerWithAuth(before.register().contacts("<" + before.contactUri() + ">" + instance))))
                    .isEqualTo(200);
            String response = after.registerWithAuth(after.register().contacts("<" + after.contactUri() + ">" + instance));

            assertThat(statusOf(response)).as(response).isEqualTo(200);
            assertThat(contactsOf(response)).singleElement().asString().contains(after.contactUri())
                    .contains("+sip.instance=\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\"");
            assertThat(db().storedContacts(number, ALPHA)).containsExactly(after.contactUri());
        }
    }

    @Test
    void anOlderCSeqOfTheSameCallIdIsRefusedWith500() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(statusOf(phone.registerWithAuth(phone.register().cseq(100).expires(600)))).isEqualTo(200);

            String older = phone.registerWithAuth(phone.register().cseq(50).expires(0));
            assertThat(older).startsWith("SIP/2.0 500 CSeq Out Of Order\r\n");
            assertThat(db().storedContacts(number, ALPHA)).as("the binding was not removed").hasSize(1);

            String otherCallId = phone.registerWithAuth(phone.register().callId("another-call-id").cseq(1).expires(0));
            assertThat(statusOf(otherCallId)).as("another Call-ID is another registration flow").isEqualTo(200);
            assertThat(db().storedContacts(number, ALPHA)).isEmpty();
        }
    }

    @Test
    void anExpiredNonceIsChallengedAgainAsStale() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            String challenge = phone.send(phone.register());
            Map<String, String> md5 = TestPhone.challenge(challenge, "MD5").orElseThrow();
            NODE.clock().advance(Duration.ofMinutes(5).plusSeconds(1));

            String stale = phone.send(phone.register().authorization(phone.answer(md5, phone.register(), 1)));
            assertThat(statusOf(stale)).isEqualTo(401);
            assertThat(challenges(stale)).allSatisfy(c -> assertThat(c.get("stale")).isEqualToIgnoringCase("true"))
                    .allSatisfy(c -> assertThat(c.get("nonce")).isNotEqualTo(md5.get("nonce")));
            assertThat(db().storedContacts(number, ALPHA)).isEmpty();

            Map<String, String> fresh = TestPhone.challenge(stale, "MD5").orElseThrow();
            String ok = phone.send(phone.register().authorization(phone.answer(fresh, phone.register(), 1)));
            assertThat(statusOf(ok)).isEqualTo(200);
        }
    }

    @Test
    void aReplayedNonceCountIsRefusedAndAHigherOneAccepted() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            assertThat(statusOf(phone.registerWithAuth(phone.register().expires(600)))).isEqualTo(200);

            String replay = phone.reuseNonce(phone.register().expires(0), 1);
            assertThat(statusOf(replay)).as("nc=1 was used already").isEqualTo(401);
            assertThat(challenges(replay).getFirst().get("stale")).isEqualToIgnoringCase("true");
            assertThat(db().storedContacts(number, ALPHA)).hasSize(1);

            String next = phone.reuseNonce(phone.register().expires(900), 2);
            assertThat(statusOf(next)).isEqualTo(200);
            assertThat(contactsOf(next)).containsExactly("<" + phone.contactUri() + ">;expires=900");
        }
    }

    @Test
    void aRetransmissionGetsTheSameAnswerInsteadOfBeingTakenForAReplay() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            Map<String, String> md5 = TestPhone.challenge(phone.send(phone.register()), "MD5").orElseThrow();
            TestPhone.Register authorized = phone.register().authorization(phone.answer(md5, phone.register(), 1));
            String message = phone.render(authorized, phone.nextCseq(), "z9hG4bK-retransmitted-" + number);

            String first = phone.exchange(message);
            String again = phone.exchange(message);

            assertThat(statusOf(first)).isEqualTo(200);
            assertThat(again).isEqualTo(first);
        }
    }

    @Test
    void aNonceIsGoodOnlyFromTheAddressItWasIssuedTo() throws Exception {
        String number = db().newExtension();
        try (TestPhone here = TestPhone.udp(NODE.port(), number, ALPHA);
             TestPhone elsewhere = TestPhone.udpFrom("127.0.0.5", NODE.port(), number, ALPHA)) {
            Map<String, String> issuedHere = TestPhone.challenge(here.send(here.register()), "SHA-256").orElseThrow();

            String response = elsewhere.send(elsewhere.register()
                    .authorization(elsewhere.answer(issuedHere, elsewhere.register(), 1)));

            // a nonce this node never issued to that address gets a fresh challenge, the password unchecked
            assertThat(statusOf(response)).isEqualTo(401);
            assertThat(challenges(response).getFirst()).doesNotContainKey("stale");
            assertThat(db().storedContacts(number, ALPHA)).isEmpty();
        }
    }

    @Test
    void aMadeUpNonceTellsNothingOfThePassword() throws Exception {
        String number = db().newExtension();
        try (TestPhone right = TestPhone.udp(NODE.port(), number, ALPHA);
             TestPhone wrong = TestPhone.udp(NODE.port(), number, ALPHA).password("not-the-password")) {
            Map<String, String> madeUp = Map.of("realm", ALPHA, "nonce", "made-up-nonce", "algorithm", "MD5",
                    "qop", "auth");
            String withRight = right.send(right.register().authorization(right.answer(madeUp, right.register(), 1)));
            String withWrong = wrong.send(wrong.register().authorization(wrong.answer(madeUp, wrong.register(), 1)));

            assertThat(statusOf(withRight)).isEqualTo(401);
            assertThat(statusOf(withWrong)).isEqualTo(401);
            assertThat(challenges(withRight).getFirst()).doesNotContainKey("stale");
            assertThat(challenges(withWrong).getFirst()).doesNotContainKey("stale");
            assertThat(db().storedContacts(number, ALPHA)).isEmpty();
        }
    }

    @Test
    void credentialsWithoutQopOrForAnotherUriAreBadRequests() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            Map<String, String> md5 = TestPhone.challenge(phone.send(phone.register()), "MD5").orElseThrow();
            String rfc2069 = phone.answer(md5, phone.register(), 1).replaceAll(", qop=auth, nc=\\w+, cnonce=\"\\w+\"", "");

            assertThat(statusOf(phone.send(phone.register().authorization(rfc2069)))).isEqualTo(400);
            String otherUri = phone.registerWithAuth(phone.register().digestUri("sip:" + BETA));
            assertThat(statusOf(otherUri)).isEqualTo(400);
            assertThat(db().storedContacts(number, ALPHA)).isEmpty();
        }
    }

    /**
     * Phones behind an outbound proxy, and SIPp without {@code -auth_uri}, compute the digest for the
     * tenant's domain or for the node rather than for the exact Request-URI; Kamailio, Asterisk and
     * FreeSWITCH accept that, and so does Tandem. A URI of another domain is still refused (400, as
     * RFC 7616 3.4.6 says for a request-uri that does not name the request's resource).
     */
    @Test
    void aDigestUriNamingTheTenantsDomainOrTheNodeIsAcceptedAndAnotherDomainIsNot() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, ALPHA)) {
            TestPhone.Register withTransport = phone.register().requestUri("sip:" + ALPHA + ";transport=udp");
            assertThat(statusOf(phone.registerWithAuth(withTransport.digestUri("sip:" + ALPHA)))).isEqualTo(200);
            assertThat(statusOf(phone.registerWithAuth(phone.register().digestUri("sip:" + phone.engineAddress() + ":"
                    + NODE.port())))).isEqualTo(200);
            assertThat(db().storedContacts(number, ALPHA)).containsExactly(phone.contactUri());

            String otherDomain = phone.registerWithAuth(phone.register().expires(0).digestUri("sip:" + BETA));
            assertThat(otherDomain).startsWith("SIP/2.0 400 Authorization URI Names Another Server\r\n");
            String otherHost = phone.registerWithAuth(phone.register().expires(0).digestUri("sip:" + number + "@example.com"));
            assertThat(statusOf(otherHost)).isEqualTo(400);
            assertThat(db().storedContacts(number, ALPHA)).as("still bound").containsExactly(phone.contactUri());
        }
    }

    @Test
    void aTenantThatChoseSha256AloneIsChallengedAndRegisteredWithSha256Only() throws Exception {
        String number = db().newExtension();
        String domain = RegistrarDatabase.SHA_256_ONLY;
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, domain).algorithm("SHA-256");
             TestPhone md5Phone = TestPhone.udp(NODE.port(), number, domain)) {
            assertThat(challenges(phone.send(phone.register()))).extracting(c -> c.get("algorithm"))
                    .containsExactly("SHA-256");
            assertThat(statusOf(phone.registerWithAuth(phone.register()))).isEqualTo(200);

            String nonce = TestPhone.challenge(md5Phone.send(md5Phone.register()), "SHA-256").orElseThrow().get("nonce");
            String md5 = md5Phone.send(md5Phone.register().authorization(md5Phone.answer(
                    Map.of("realm", domain, "nonce", nonce, "algorithm", "MD5"), md5Phone.register(), 1)));
            assertThat(statusOf(md5)).as("an MD5 answer to a SHA-256-only tenant").isEqualTo(403);
            assertThat(db().storedContacts(number, domain)).containsExactly(phone.contactUri());
        }
    }

    @Test
    void aTenantThatKeptTheDefaultIsChallengedWithMd5Alone() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, RegistrarDatabase.DEFAULT_DIGEST)) {
            assertThat(challenges(phone.send(phone.register()))).extracting(c -> c.get("algorithm"))
                    .containsExactly("MD5");
            assertThat(challenges(phone.send(phone.register().requestUri("sip:no-tenant.example.com"))))
                    .as("a domain no tenant has looks the same").extracting(c -> c.get("algorithm")).containsExactly("MD5");
            assertThat(statusOf(phone.registerWithAuth(phone.register()))).isEqualTo(200);
        }
    }

    @Test
    void aSuspendedTenantsPhoneIsRefusedOnlyOnceItHasAuthenticated() throws Exception {
        String number = db().newExtension();
        try (TestPhone phone = TestPhone.udp(NODE.port(), number, RegistrarDatabase.GAMMA);
             TestPhone guesser = TestPhone.udp(NODE.port(), number, RegistrarDatabase.GAMMA).password("guess")) {
            assertThat(statusOf(phone.send(phone.register()))).as("challenged like any other").isEqualTo(401);
            assertThat(guesser.registerWithAuth(guesser.register())).startsWith("SIP/2.0 403 Forbidden\r\n");

            assertThat(phone.registerWithAuth(phone.register())).startsWith("SIP/2.0 403 Tenant Suspended\r\n");
            assertThat(db().storedContacts(number, RegistrarDatabase.GAMMA)).isEmpty();
        }
    }
}
