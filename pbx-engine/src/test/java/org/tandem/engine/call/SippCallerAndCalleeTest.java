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

    /** The node the phones talk to, set up as the test needs it. */
    abstract RegistrarExtension node();

    @BeforeEach
    void newExtensions() {
        db = node().database();
        phones = new SippPhones(node().port(), db);
        caller = db.newExtension();
        callee = db.newExtension();
    }
}
