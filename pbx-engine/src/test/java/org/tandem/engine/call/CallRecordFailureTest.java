package org.tandem.engine.call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.sipp.Sipp;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/** A call record that cannot be written (the database refuses it) must not harm the call. */
@Timeout(60)
class CallRecordFailureTest {

    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension(services -> services.toBuilder().callRecords(record -> {
        ATTEMPTS.incrementAndGet();
        throw new IllegalStateException("call_record is unreachable (test)");
    }).build());

    @Test
    void theCallGoesOnWhenItsRecordCannotBeWritten() throws Exception {
        RegistrarDatabase db = NODE.database();
        String caller = db.newExtension();
        String callee = db.newExtension();
        SippPhones phones = new SippPhones(NODE.port(), db);
        Sipp.Running phone = phones.phone(callee, ALPHA, "phone_answers.xml", Duration.ofMillis(2500));

        phones.call("caller_bye.xml", caller, ALPHA, callee).assertPassed();
        phone.await().assertPassed();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (ATTEMPTS.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ATTEMPTS).as("the record was attempted once").hasValue(1);
    }
}
