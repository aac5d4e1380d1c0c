package org.tandem.engine.registrar;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.engine.services.RegistrarPolicy;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sipp.Sipp;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;

/**
 * A real SIP phone, SIPp, registers with its own digest code over UDP and TCP, and with a wrong
 * password gets no 200. SIPp 3.6 knows only MD5 and answers only the first challenge: the default
 * policy offers MD5 first and SHA-256 second, and SIPp must not trip over the second; see
 * {@link RegistrarPolicy}.
 * Each SIPp call registers one extension of the injection file; the test then finds its binding,
 * with SIPp's own port, in the database.
 */
@Timeout(60)
class SippRegisterTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    private static String injectionLine(String number, String sipPassword) {
        return number + ";" + ALPHA + ";[authentication username=" + number + " password=" + sipPassword + "]";
    }

    @ParameterizedTest(name = "sipp -t {0}")
    @ValueSource(strings = {"u1", "t1"})
    void sippRegistersWithDigestAndGets200ListingItsContact(String transport) throws Exception {
        RegistrarDatabase db = NODE.database();
        String first = db.newExtension();
        String second = db.newExtension();
        int sippPort = FreePorts.udpAndTcp();

        Sipp.Run run = Sipp.run("/sipp/register_auth.xml", NODE.port(), transport, 2, sippPort,
                List.of("SEQUENTIAL", injectionLine(first, defaultPassword(first, ALPHA)),
                        injectionLine(second, defaultPassword(second, ALPHA))),
                "-auth_uri", ALPHA);

        run.assertPassed();
        String protocol = transport.startsWith("u") ? "UDP" : "TCP";
        assertThat(db.storedContacts(first, ALPHA))
                .containsExactly("sip:" + first + "@127.0.0.1:" + sippPort + ";transport=" + protocol);
        assertThat(db.storedContacts(second, ALPHA))
                .containsExactly("sip:" + second + "@127.0.0.1:" + sippPort + ";transport=" + protocol);
        assertThat(db.storedColumn("flow", first, ALPHA, db.storedContacts(first, ALPHA).getFirst()))
                .isEqualTo(protocol.toLowerCase() + ":127.0.0.1:" + sippPort);
    }

    @ParameterizedTest(name = "sipp -t {0}")
    @ValueSource(strings = {"u1", "t1"})
    void sippWithAWrongPasswordGets403AndNoBinding(String transport) throws Exception {
        RegistrarDatabase db = NODE.database();
        String number = db.newExtension();

        Sipp.Run run = Sipp.run("/sipp/register_wrong_password.xml", NODE.port(), transport, 1, FreePorts.udpAndTcp(),
                List.of("SEQUENTIAL", injectionLine(number, "not-" + defaultPassword(number, ALPHA))), "-auth_uri", ALPHA);

        run.assertPassed();
        assertThat(db.storedContacts(number, ALPHA)).isEmpty();
    }
}
