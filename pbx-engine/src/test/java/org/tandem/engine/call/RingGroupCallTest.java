package org.tandem.engine.call;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.ringgroup.RingGroup;
import org.tandem.domain.ringgroup.RingStrategy;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.storage.jdbc.JdbcRingGroups;
import org.tandem.testsupport.sipp.Sipp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.engine.registrar.RegistrarDatabase.BETA;

/**
 * Calls to ring groups between real SIPp phones through the engine: simultaneous and sequential
 * hunting, members without phones skipped, the caller's CANCEL ending the hunt, tenants sealed, and
 * the one call record of each attempt, whose callee is the group's number. Groups ring each member
 * for the schema's minimum member timeout, 5 s; the node's no-answer timeout (2 s here) does not
 * apply to them.
 */
@Timeout(60)
class RingGroupCallTest {

    private static final Duration MEMBER_TIMEOUT = RingGroup.MIN_MEMBER_TIMEOUT;
    /** Six digits: never an extension number {@link RegistrarDatabase#newExtension} hands out. */
    private static final AtomicInteger GROUP_NUMBERS = new AtomicInteger(600_000);

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(
            services -> services.toBuilder().calls(services.calls().withNoAnswerTimeout(Duration.ofSeconds(2))).build());

    private RegistrarDatabase db;
    private SippPhones phones;
    private String caller;

    @BeforeEach
    void newCaller() {
        db = NODE.database();
        phones = new SippPhones(NODE.port(), db);
        caller = db.newExtension();
    }

    @Test
    void aSimultaneousGroupRingsEveryMemberTheFirstToAnswerWinsAndTheOtherIsCancelled() throws Exception {
        String ringing = db.newExtension();
        String answering = db.newExtension();
        String group = group(ALPHA, RingStrategy.SIMULTANEOUS, ringing, answering);
        SippPhones.MarkingPhone ringingPhone = phones.phoneThatRings(ringing, ALPHA, Duration.ofMillis(2500));
        Sipp.Running answeringPhone = phones.phone(answering, ALPHA, "phone_answers.xml", Duration.ofMillis(2500));

        phones.call("caller_bye.xml", caller, ALPHA, group).assertPassed();
        answeringPhone.await().assertPassed();
        ringingPhone.assertPassedAndMarked("the member that did not answer got the CANCEL");
        assertThat(record(group)).isEqualTo("ANSWERED 200 answered");
    }

    @Test
    void aSequentialGroupSkipsAMemberWithoutPhonesAndMovesOnAfterTheMemberTimeout() throws Exception {
        String unregistered = db.newExtension();
        String first = db.newExtension();
        String second = db.newExtension();
        String group = group(ALPHA, RingStrategy.SEQUENTIAL, unregistered, first, second);
        Duration upFor = MEMBER_TIMEOUT.plusSeconds(3);
        SippPhones.MarkingPhone firstPhone = phones.phoneThatRings(first, ALPHA, upFor);
        Sipp.Running secondPhone = phones.phone(second, ALPHA, "phone_answers.xml", upFor);
        long start = System.nanoTime();

        phones.call("caller_bye.xml", caller, ALPHA, group).assertPassed();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the first member rang its full timeout")
                .isGreaterThanOrEqualTo(MEMBER_TIMEOUT);
        secondPhone.await().assertPassed();
        firstPhone.assertPassedAndMarked("the first member was cancelled when its time was up");
        assertThat(record(group)).isEqualTo("ANSWERED 200 answered");
    }

    @Test
    void theCallersCancelStopsTheHunt() throws Exception {
        String first = db.newExtension();
        String second = db.newExtension();
        String group = group(ALPHA, RingStrategy.SEQUENTIAL, first, second);
        SippPhones.MarkingPhone firstPhone = phones.phoneThatRings(first, ALPHA, Duration.ofMillis(1500));
        SippPhones.MarkingPhone secondPhone = phones.phoneThatMustNotRing(second, ALPHA, MEMBER_TIMEOUT.plusSeconds(1));

        phones.call("caller_cancel.xml", caller, ALPHA, group).assertPassed();
        firstPhone.assertPassedAndMarked("the member ringing got the CANCEL");
        // up longer than the first member's timeout
        secondPhone.assertNeverMarked("the next member was rung after the caller hung up");
        assertThat(record(group)).isEqualTo("CANCELLED 487 unanswered");
    }

    @Test
    void aGroupWhoseEveryMemberIsBusyGets486AtOnce() throws Exception {
        String first = db.newExtension();
        String second = db.newExtension();
        String group = group(ALPHA, RingStrategy.SEQUENTIAL, first, second);
        Sipp.Running firstPhone = phones.phone(first, ALPHA, "phone_busy.xml", Duration.ofMillis(1500));
        Sipp.Running secondPhone = phones.phone(second, ALPHA, "phone_busy.xml", Duration.ofMillis(1500));
        long start = System.nanoTime();

        phones.call("caller_486.xml", caller, ALPHA, group).assertPassed();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("busy moves on without waiting")
                .isLessThan(MEMBER_TIMEOUT);
        firstPhone.await().assertPassed();
        secondPhone.await().assertPassed();
        assertThat(record(group)).isEqualTo("BUSY 486 unanswered");
    }

    @Test
    void aGroupWhoseMembersHaveNoPhoneRegisteredGets480() throws Exception {
        String group = group(ALPHA, RingStrategy.SEQUENTIAL, db.newExtension(), db.newExtension());

        phones.call("caller_480.xml", caller, ALPHA, group).assertPassed();
        assertThat(record(group)).isEqualTo("FAILED 480 unanswered");
    }

    @Test
    void aCallerOfAnotherTenantCannotReachTheGroup() throws Exception {
        String member = db.newExtension();
        String group = group(BETA, RingStrategy.SIMULTANEOUS, member);
        SippPhones.MarkingPhone betaPhone = phones.phoneThatMustNotRing(member, BETA, Duration.ofMillis(1500));

        phones.call("caller_404.xml", caller, ALPHA, group).assertPassed();
        betaPhone.assertNeverMarked("tenant beta's group rang for a caller of tenant alpha");
        assertThat(record(group)).isEqualTo("FAILED 404 unanswered");
        assertThat(records(group, BETA)).isEmpty();
    }

    /** A new group of {@code domain} ringing {@code members} in order for {@link #MEMBER_TIMEOUT} each. */
    private String group(String domain, RingStrategy strategy, String... members) {
        String number = Integer.toString(GROUP_NUMBERS.incrementAndGet());
        new JdbcRingGroups(db.dataSource()).add(RingGroup.create(db.tenantId(domain), new ExtensionNumber(number),
                "Group " + number, strategy, MEMBER_TIMEOUT,
                Stream.of(members).map(ExtensionNumber::new).toList()), Instant.now());
        return number;
    }

    private String record(String dialled) throws InterruptedException {
        return db.awaitCallRecord(caller, dialled, ALPHA);
    }

    private List<String> records(String dialled, String domain) {
        return db.callRecords(dialled, domain);
    }
}
