package org.tandem.engine.call;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.sip.TestPhone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * Tests of calls between two hand-written phones on one node: each test is given a caller's phone and
 * a callee's, each of a new extension of {@link RegistrarDatabase#ALPHA}.
 */
abstract class CallerAndCalleeTest {

    RegistrarDatabase db;
    String callerNumber;
    String calleeNumber;
    TestPhone caller;
    TestPhone callee;

    /** @param node the subclass's node, set up as the test needs it */
    @BeforeEach
    void givenTwoPhones(RegistrarExtension node) throws Exception {
        db = node.database();
        callerNumber = db.newExtension();
        calleeNumber = db.newExtension();
        callee = TestPhone.udp(node.port(), calleeNumber, ALPHA);
        caller = TestPhone.udp(node.port(), callerNumber, ALPHA);
    }

    @AfterEach
    void closePhones() throws Exception {
        caller.close();
        callee.close();
    }

    /** The callee's phone registers where it is. */
    void registerCallee() throws Exception {
        assertThat(TestPhone.statusOf(callee.registerWithAuth(callee.register()))).isEqualTo(200);
    }
}
