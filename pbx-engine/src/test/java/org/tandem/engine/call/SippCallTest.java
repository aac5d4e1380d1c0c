package org.tandem.engine.call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.database.ExtensionRow;
import org.tandem.testsupport.sipp.Sipp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.engine.registrar.RegistrarDatabase.BETA;
import static org.tandem.engine.registrar.RegistrarDatabase.GAMMA;

/**
 * Calls between real SIP phones (SIPp processes) through the engine as a B2BUA: callee phones
 * register and take the call in an out-of-call scenario, callers authenticate their INVITE
 * (407). Each test checks what both phones saw (SIPp fails on any unexpected message) and the one
 * call record written in the database. The no-answer timeout is 2 s here.
 */
@Timeout(60)
class SippCallTest extends SippCallerAndCalleeTest {

    private static final Duration NO_ANSWER = Duration.ofSeconds(2);

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(
            services -> services.toBuilder().calls(services.calls().withNoAnswerTimeout(NO_ANSWER)).build());

    /**
     * A phone and a caller running the given scenarios: both pass, and the call is recorded as it
     * ended. A request names its dialog by Call-ID and both tags (RFC 3261 12.2.2), so a BYE with a
     * wrong To tag is no dialog of the call.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an answered call ends when the caller hangs up  | phone_answers.xml              | 2500 | caller_bye.xml       | ANSWERED 200 answered
            an answered call ends when the callee hangs up  | phone_answers_and_hangs_up.xml | 2500 | caller_hears_bye.xml | ANSWERED 200 answered
            a BYE with another To tag gets 481, the call stays up | phone_answers.xml | 2500 | caller_bye_with_a_wrong_tag_first.xml | ANSWERED 200 answered
            a busy phone makes the caller hear 486          | phone_busy.xml                 | 1500 | caller_486.xml       | BUSY 486 unanswered
            """)
    void aCallEndsAsBothScenariosSay(String story, String phoneScenario, long phoneUpForMillis, String callerScenario,
                                     String recorded) throws Exception {
        callThePhone(phones, phoneScenario, Duration.ofMillis(phoneUpForMillis), callerScenario);
        assertThat(record()).isEqualTo(recorded);
    }

    @Test
    void anAnsweredCallOverTcpReachesThePhoneOnTheConnectionItRegisteredOn() throws Exception {
        callThePhone(new SippPhones(NODE.port(), db, "t1"), "phone_answers.xml", Duration.ofMillis(2500),
                "caller_bye.xml");
        assertThat(record()).isEqualTo("ANSWERED 200 answered");
    }

    @Test
    void aCallerWhoHangsUpWhileItRingsCancelsThePhone() throws Exception {
        SippPhones.MarkingPhone phone = phones.phoneThatRings(callee, ALPHA, Duration.ofMillis(2000));

        phones.call("caller_cancel.xml", caller, ALPHA, callee).assertPassed();
        phone.assertPassedAndMarked("the phone got the CANCEL");
        assertThat(record()).isEqualTo("CANCELLED 487 unanswered");
    }

    @Test
    void aPhoneNobodyAnswersIsCancelledAfterTheTimeoutAndTheCallerHears480() throws Exception {
        SippPhones.MarkingPhone phone = phones.phoneThatRings(callee, ALPHA, Duration.ofMillis(3500));
        long start = System.nanoTime();

        phones.call("caller_480.xml", caller, ALPHA, callee).assertPassed();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(NO_ANSWER);
        phone.assertPassedAndMarked("the phone got the CANCEL");
        assertThat(record()).isEqualTo("NO_ANSWER 480 unanswered");
    }

    @Test
    void everyPhoneOfTheCalleeRingsTheFirstToAnswerWinsAndTheOtherIsCancelled() throws Exception {
        SippPhones.MarkingPhone ringing = phones.phoneThatRings(callee, ALPHA, Duration.ofMillis(2500));
        Sipp.Running answering = phones.phone(callee, ALPHA, "phone_answers.xml", Duration.ofMillis(2500));
        assertThat(db.storedContacts(callee, ALPHA)).hasSize(2);

        phones.call("caller_bye.xml", caller, ALPHA, callee).assertPassed();
        answering.await().assertPassed();
        ringing.assertPassedAndMarked("the phone that did not answer got the CANCEL");
        assertThat(record()).isEqualTo("ANSWERED 200 answered");
    }

    /**
     * Two phones answer nearly together (RFC 3261 13.2.2.4): the later one gets ACK and BYE for its own
     * dialog, and its own BYE, crossing the engine's, ends only that dialog; the call the first answered
     * stays up until the caller hangs up, and the first phone hears that BYE.
     */
    @Test
    void aPhoneThatAnswersAfterAnotherIsHungUpAndItsByeLeavesTheAnsweredCallUp() throws Exception {
        Path hungUp = SippPhones.marker("hung_up");
        Sipp.Running late = phones.phone(callee, ALPHA, "phone_answers_late_and_hangs_up.xml",
                Duration.ofMillis(2500), "-key", "hung_up", hungUp.toString());
        Sipp.Running first = phones.phone(callee, ALPHA, "phone_answers.xml", Duration.ofMillis(2500));

        Sipp.Run call = phones.call("caller_bye.xml", caller, ALPHA, callee);

        assertThat(call.exitCode()).as("the caller's BYE found its call up: " + call.describe()).isZero();
        first.await().assertPassed();
        Sipp.Run loser = late.await();
        assertThat(hungUp).as("the late phone got ACK and BYE, and its own BYE got 200: " + loser.describe())
                .exists();
        assertThat(record()).isEqualTo("ANSWERED 200 answered");
    }

    @Test
    void anUnknownNumberGets404() throws Exception {
        phones.call("caller_404.xml", caller, ALPHA, "99999").assertPassed();
        assertThat(record("99999")).isEqualTo("FAILED 404 unanswered");
    }

    @Test
    void anExtensionWithNoPhoneRegisteredGets480() throws Exception {
        phones.call("caller_480.xml", caller, ALPHA, callee).assertPassed();
        assertThat(record()).isEqualTo("FAILED 480 unanswered");
    }

    @Test
    void anInviteWithoutCredentialsGets407AndRingsNobody() throws Exception {
        SippPhones.MarkingPhone phone = phones.phoneThatMustNotRing(callee, ALPHA, Duration.ofMillis(1500));

        phones.call("caller_no_credentials.xml", caller, ALPHA, callee).assertPassed();
        phone.assertNeverMarked("the phone was rung");
        assertThat(records(callee, ALPHA)).isEmpty();
    }

    @Test
    void aNumberThatExistsOnlyInAnotherTenantIsUnknown() throws Exception {
        String betaOnly = Integer.toString(50_000 + Math.abs(UUID.randomUUID().hashCode() % 40_000));
        ExtensionRow.extension(db.tenantId(BETA), BETA, betaOnly).insertInto(db.dataSource());
        SippPhones.MarkingPhone betaPhone = phones.phoneThatMustNotRing(betaOnly, BETA, Duration.ofMillis(1500));

        phones.call("caller_404.xml", caller, ALPHA, betaOnly).assertPassed();
        betaPhone.assertNeverMarked("tenant beta's phone was rung by a caller of tenant alpha");
        assertThat(record(betaOnly)).isEqualTo("FAILED 404 unanswered");
    }

    @Test
    void aNumberInBothTenantsRingsOnlyTheCallersTenant() throws Exception {
        SippPhones.MarkingPhone betaPhone = phones.phoneThatMustNotRing(callee, BETA, Duration.ofMillis(2500));
        Sipp.Running alphaPhone = phones.phone(callee, ALPHA, "phone_answers.xml", Duration.ofMillis(2500));

        phones.call("caller_bye.xml", caller, ALPHA, callee).assertPassed();
        alphaPhone.await().assertPassed();
        betaPhone.assertNeverMarked("tenant beta's phone was rung by a caller of tenant alpha");
        assertThat(record()).isEqualTo("ANSWERED 200 answered");
        assertThat(records(callee, BETA)).isEmpty();
    }

    @Test
    void aCallerOfASuspendedTenantIsRefused() throws Exception {
        phones.call("caller_403.xml", caller, GAMMA, callee).assertPassed();
        assertThat(records(callee, GAMMA)).isEmpty();
    }

    /**
     * The callee's phone, through {@code via}, runs {@code phoneScenario} for {@code upFor} and the
     * caller dials it running {@code callerScenario}: both end as their scenarios say.
     */
    private void callThePhone(SippPhones via, String phoneScenario, Duration upFor, String callerScenario)
            throws Exception {
        Sipp.Running phone = via.phone(callee, ALPHA, phoneScenario, upFor);

        via.call(callerScenario, caller, ALPHA, callee).assertPassed();
        phone.await().assertPassed();
    }

    /** The one record of the call to {@link #callee} in tenant alpha, once written. */
    private String record() throws InterruptedException {
        return record(callee);
    }

    private String record(String dialled) throws InterruptedException {
        return db.awaitCallRecord(caller, dialled, ALPHA);
    }

    private List<String> records(String dialled, String domain) {
        return db.callRecords(dialled, domain);
    }
}
