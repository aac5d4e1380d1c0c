package org.tandem.engine.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.registrar.RegistrarExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.DEFAULT_DIGEST;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;

/**
 * Two real baresip 1.0 phones (Debian package baresip) call each other through an engine with the
 * default settings, in a tenant that kept the default digest choice: both register (baresip 1.0 gives
 * up on a challenge list that holds SHA-256, so the default offers MD5 alone), the caller dials
 * the callee, which answers by itself, both send an 8 kHz tone (made by sox) for a few seconds straight
 * to each other (the engine passes the SDP through unchanged), and the caller hangs up when its
 * {@code -t} runs out. The test reads what both phones printed and the call record the node wrote.
 * It fails, never skips, when baresip or sox is missing.
 */
@Timeout(40)
class BaresipCallTest {

    /** How long the caller runs: registration, the call and at least two of baresip's 3 s bit-rate samples. */
    private static final Duration CALLER_RUNS = Duration.ofSeconds(10);

    /** baresip's call status line: {@code [0:00:07] audio=64000/64000 (bit/s)}, sent/received bit rates. */
    private static final Pattern BIT_RATES = Pattern.compile("\\[\\d+:\\d\\d:\\d\\d] audio=(\\d+)/(\\d+) \\(bit/s\\)");

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    @TempDir
    Path folder;

    private final List<BaresipPhone> phones = new ArrayList<>();
    private RegistrarDatabase db;
    private String caller;
    private String callee;

    @BeforeEach
    void newExtensions() {
        db = NODE.database();
        caller = db.newExtension();
        callee = db.newExtension();
    }

    @AfterEach
    void stopPhones() throws Exception {
        for (BaresipPhone phone : phones) {
            phone.close();
        }
    }

    @Test
    void aBaresipPhoneCallsAnotherThroughTheNodeAndTheyHearEachOther() throws Exception {
        BaresipPhone.executable();
        Path tone = BaresipPhone.tone(folder.resolve("tone.wav"), 440, Duration.ofSeconds(10));
        int[] sip = BaresipPhone.sipPorts(2);
        int rtp = BaresipPhone.rtpBlock();
        BaresipPhone answering = phone(new BaresipPhone(folder.resolve("callee"), callee, DEFAULT_DIGEST, defaultPassword(callee, DEFAULT_DIGEST),
                NODE.port(), sip[0], BaresipPhone.rtpPorts(rtp, 0), tone, true, Duration.ofSeconds(25)));
        answering.start();
        awaitBinding(answering);

        BaresipPhone calling = phone(new BaresipPhone(folder.resolve("caller"), caller, DEFAULT_DIGEST, defaultPassword(caller, DEFAULT_DIGEST),
                NODE.port(), sip[1], BaresipPhone.rtpPorts(rtp, 1), tone, false, CALLER_RUNS,
                "/dial sip:" + callee + "@" + DEFAULT_DIGEST));
        calling.start();

        assertThat(calling.awaitExit(CALLER_RUNS.plusSeconds(5)))
                .as("the caller quits after -t %s s: %s", CALLER_RUNS.toSeconds(), calling.describe()).isTrue();
        assertThat(answering.awaitLine(line -> line.contains(terminated(callee, caller)), Duration.ofSeconds(5)))
                .as("the callee hears the caller's hang-up: %s", answering.describe()).isTrue();

        assertThat(calling.lines()).as(calling.describe())
                .anyMatch(line -> line.startsWith(registered(caller)))
                .contains(caller + "@" + DEFAULT_DIGEST + ": Call established: sip:" + callee + "@" + DEFAULT_DIGEST)
                .anyMatch(line -> line.startsWith("stream: incoming rtp for 'audio' established"))
                .anyMatch(line -> line.startsWith(terminated(caller, callee)));
        assertThat(answering.lines()).as(answering.describe())
                .anyMatch(line -> line.startsWith(registered(callee)))
                .contains(callee + "@" + DEFAULT_DIGEST + ": Call established: sip:" + caller + "@" + DEFAULT_DIGEST)
                .anyMatch(line -> line.startsWith("stream: incoming rtp for 'audio' established"));
        assertSentAndReceived(calling);
        assertSentAndReceived(answering);
        assertThat(record()).isEqualTo("ANSWERED 200 answered " + caller);
    }

    private BaresipPhone phone(BaresipPhone phone) {
        phones.add(phone);
        return phone;
    }

    /** Waits until the callee's binding is stored and it says so. */
    private void awaitBinding(BaresipPhone phone) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (db.storedContacts(callee, DEFAULT_DIGEST).isEmpty()) {
            assertThat(System.nanoTime() < deadline && phone.isAlive())
                    .as("the callee's binding is stored within 5 s: %s", phone.describe()).isTrue();
            Thread.sleep(20);
        }
        assertThat(phone.awaitLine(line -> line.startsWith(registered(callee)), Duration.ofSeconds(2)))
                .as("the callee says it registered: %s", phone.describe()).isTrue();
    }

    /** baresip's line for a successful REGISTER: {@code 1002@alpha.tandem.test: {0/UDP/v4} 200 OK (Tandem) [1 binding]}. */
    private static String registered(String number) {
        return number + "@" + DEFAULT_DIGEST + ": {0/UDP/v4} 200 OK";
    }

    /** baresip's line when a call ends: {@code sip:1001@alpha.tandem.test: Call with sip:1002@... terminated (duration: 7 secs)}. */
    private static String terminated(String number, String peer) {
        return "sip:" + number + "@" + DEFAULT_DIGEST + ": Call with sip:" + peer + "@" + DEFAULT_DIGEST + " terminated";
    }

    /** Some call status line of the phone shows audio sent and received (bit rates over 3 s, both above zero). */
    private static void assertSentAndReceived(BaresipPhone phone) {
        boolean both = false;
        for (String line : phone.lines()) {
            Matcher rates = BIT_RATES.matcher(line);
            while (rates.find()) {
                both |= Long.parseLong(rates.group(1)) > 0 && Long.parseLong(rates.group(2)) > 0;
            }
        }
        assertThat(both).as("a status line with audio sent and received: %s", phone.describe()).isTrue();
    }

    /** The one record of the call to the callee, once written: disposition, cause, answered, caller. */
    private String record() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<String> rows = records();
        while (rows.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            rows = records();
        }
        assertThat(rows).as("call records of calls to " + callee).hasSize(1);
        return rows.getFirst();
    }

    private List<String> records() {
        return db.strings("select r.disposition || ' ' || r.sip_cause || ' ' "
                + "|| case when r.answered_at is null then 'unanswered' else 'answered' end || ' ' || r.caller "
                + "from call_record r join tenant t on t.id = r.tenant_id "
                + "where t.sip_domain = ? and r.callee = ? and r.node_id = ?", DEFAULT_DIGEST, callee, db.nodeId());
    }
}
