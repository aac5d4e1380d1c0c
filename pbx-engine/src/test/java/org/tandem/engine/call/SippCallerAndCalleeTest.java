package org.tandem.engine.call;

import org.junit.jupiter.api.BeforeEach;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.registrar.RegistrarExtension;

/**
 * Tests of calls between SIPp phones on one node: each test is given a new caller extension and a new
 * callee extension, and the phones to run them.
 */
abstract class SippCallerAndCalleeTest {

    RegistrarDatabase db;
    SippPhones phones;
    String caller;
    String callee;

    /** @param node the subclass's node, set up as the test needs it */
    @BeforeEach
    void newExtensions(RegistrarExtension node) {
        db = node.database();
        phones = new SippPhones(node.port(), db);
        caller = db.newExtension();
        callee = db.newExtension();
    }
}
