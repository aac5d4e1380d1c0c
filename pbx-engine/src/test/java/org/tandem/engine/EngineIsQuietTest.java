package org.tandem.engine;

import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sip.SipTestClient;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JAIN-SIP must neither print (log4j 1 warns on stderr when it has no appender) nor write log or
 * trace files into the working directory, even while it handles good and bad messages.
 */
class EngineIsQuietTest {

    @Test
    void printsNothingAndWritesNoFiles() throws Exception {
        File workingDirectory = new File(System.getProperty("user.dir"));
        Set<String> filesBefore = Set.of(workingDirectory.list());
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        int port = FreePorts.udpAndTcp();
        try (SipEngine engine = new SipEngine(new EngineSettings("quiet", "127.0.0.1", port,
                EngineSettings.StackTuning.DEFAULT));
             SipTestClient client = new SipTestClient(port)) {
            engine.start();
            client.exchange(client.request("OPTIONS", client.engineUri()));
            client.exchange(client.request("REGISTER", client.engineUri()));
            client.send("not SIP at all\r\n\r\n");
            client.exchange(client.request("OPTIONS", client.engineUri()).replace("CSeq: 1", "CSeq: x"));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Set.of(workingDirectory.list())).isEqualTo(filesBefore);
    }
}
