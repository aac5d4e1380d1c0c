package org.tandem.engine.mwi;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.engine.registrar.RegistrarExtension;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sipp.Sipp;

import java.util.List;

import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;

/**
 * SIPp, a SIP peer with its own digest code, subscribes to its mailbox's lamp over UDP and TCP: 407,
 * 200, a NOTIFY saying one new message, and an unsubscribe ending with a terminated NOTIFY
 * ({@code sipp/mwi/subscribe.xml}).
 */
@Timeout(60)
class SippSubscribeTest {

    @RegisterExtension
    static final RegistrarExtension NODE = new RegistrarExtension();

    @ParameterizedTest(name = "sipp -t {0}")
    @ValueSource(strings = {"u1", "t1"})
    void sippSubscribesHearsItsLampAndUnsubscribes(String transport) throws Exception {
        Mailbox first = TestMailboxes.newMailbox(NODE.database());
        Mailbox second = TestMailboxes.newMailbox(NODE.database());
        TestMailboxes.leaveMessage(NODE.database(), first);
        TestMailboxes.leaveMessage(NODE.database(), second);

        Sipp.Run run = Sipp.run("/sipp/mwi/subscribe.xml", NODE.port(), transport, 2, FreePorts.udpAndTcp(),
                List.of("SEQUENTIAL", injectionLine(first), injectionLine(second)), "-auth_uri", ALPHA);

        run.assertPassed();
    }

    private static String injectionLine(Mailbox mailbox) {
        String number = mailbox.extension().digits();
        return number + ";" + ALPHA + ";[authentication username=" + number + " password="
                + defaultPassword(number, ALPHA) + "]";
    }
}
