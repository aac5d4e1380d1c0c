package org.tandem.engine.registrar;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.throttle.FailureThrottle;
import org.tandem.domain.throttle.ThrottlePolicy;
import org.tandem.testsupport.logging.CapturedLog;
import org.tandem.testsupport.sip.TestPhone;

import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.testsupport.sip.TestPhone.statusOf;

/**
 * A flood of wrong passwords from one address is stopped there (its requests go unanswered) with one
 * WARN line per block, while the rightful phone at another address still registers the very same
 * extension. Default limits: 5 failures per extension and address, 20 per address, in a minute.
 */
@Timeout(30)
class AuthThrottleEngineTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    private CapturedLog warnings;

    @BeforeEach
    void captureWarnings() {
        warnings = CapturedLog.start(FailureThrottle.class, Level.WARNING);
    }

    @AfterEach
    void restoreLogging() {
        warnings.close();
    }

    @Test
    void aGuesserIsBlockedForOneExtensionWhileTheRightfulPhoneElsewhereRegistersIt() throws Exception {
        String number = NODE.database().newExtension();
        try (TestPhone guesser = TestPhone.udpFrom("127.0.0.3", NODE.port(), number, ALPHA);
             TestPhone rightful = TestPhone.udp(NODE.port(), number, ALPHA)) {
            for (int guess = 1; guess <= ThrottlePolicy.DEFAULT.perAccountAndAddress(); guess++) {
                String answer = guesser.password("guess-" + guess).registerWithAuth(guesser.register());
                assertThat(statusOf(answer)).as("guess %d", guess).isEqualTo(403);
            }

            TestPhone.Register sixth = guesser.register().authorization(guesser.answer(
                    TestPhone.challenge(guesser.send(guesser.register()), "MD5").orElseThrow(), guesser.register(), 1));
            guesser.send(guesser.render(sixth, guesser.nextCseq(), "z9hG4bK-sixth-guess"));
            assertThat(guesser.receive(Duration.ofMillis(500))).as("a blocked guess gets no answer").isEmpty();
            assertThat(warnings.messages()).singleElement().asString()
                    .contains("127.0.0.3").contains(number + "@" + ALPHA).contains("5 failed").contains("60 s")
                    .contains("300 s");

            assertThat(statusOf(rightful.registerWithAuth(rightful.register()))).isEqualTo(200);
            assertThat(NODE.database().storedContacts(number, ALPHA)).containsExactly(rightful.contactUri());
        }
    }

    @Test
    void anAddressTryingManyExtensionsIsBlockedForAllOfThemAndReleasedLater() throws Exception {
        int perAddress = ThrottlePolicy.DEFAULT.perAddress();
        try (TestPhone scanner = TestPhone.udpFrom("127.0.0.4", NODE.port(), "10", ALPHA)) {
            for (int i = 0; i < perAddress; i++) {
                String number = Integer.toString(200 + i);
                // Wrong credentials for a different extension each time, on a nonce issued to this address.
                TestPhone.Register guess = scanner.register().to("sip:" + number + "@" + ALPHA).digestUser(number);
                Map<String, String> issued = TestPhone.challenge(scanner.send(guess), "MD5").orElseThrow();
                String answer = scanner.send(guess.authorization(scanner.answer(issued, guess, 1)));
                assertThat(statusOf(answer)).as("guess %d", i).isEqualTo(403);
            }

            scanner.send(scanner.render(scanner.register(), scanner.nextCseq(), "z9hG4bK-after-the-scan"));
            assertThat(scanner.receive(Duration.ofMillis(500))).as("not even a challenge now").isEmpty();
            assertThat(warnings.messages()).anySatisfy(w -> assertThat(w).contains("Blocked every REGISTER and INVITE from 127.0.0.4")
                    .contains(perAddress + " failed").contains("300 s"));

            NODE.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
            assertThat(statusOf(scanner.send(scanner.register()))).as("the block has ended").isEqualTo(401);
        }
    }

    /**
     * Over UDP anyone can send REGISTERs with a phone's source address. Failures on nonces this node
     * never issued to that address count nothing: they are challenged again, and the phone there keeps
     * its service however many come.
     */
    @Test
    void forgedRequestsWithMadeUpNoncesCannotSilenceThePhoneAtTheirSourceAddress() throws Exception {
        String number = NODE.database().newExtension();
        int forgeries = ThrottlePolicy.DEFAULT.perAddress() + 2;
        try (TestPhone forger = TestPhone.udpFrom("127.0.0.6", NODE.port(), number, ALPHA).password("unknown");
             TestPhone rightful = TestPhone.udpFrom("127.0.0.6", NODE.port(), number, ALPHA)) {
            for (int i = 0; i < forgeries; i++) {
                TestPhone.Register forged = forger.register();
                String answer = forger.send(forged.authorization(forger.answer(
                        Map.of("realm", ALPHA, "nonce", "made-up-" + i, "algorithm", "MD5"), forged, 1)));
                assertThat(statusOf(answer)).as("forgery %d is challenged, not counted", i).isEqualTo(401);
            }

            assertThat(warnings.messages()).as("no block").isEmpty();
            assertThat(statusOf(rightful.registerWithAuth(rightful.register()))).isEqualTo(200);
            assertThat(NODE.database().storedContacts(number, ALPHA)).containsExactly(rightful.contactUri());
        }
    }
}
