package org.tandem.ear;

import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sipp.Sipp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A SIPp phone against the node under test, making one call of its scenario with one injection line. */
final class SippPhone {

    /** A phone may be kept up while a browser walks through pages. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);

    private final Sipp.Running running;
    private Sipp.Run finished;

    private SippPhone(Sipp.Running running) {
        this.running = running;
    }

    static SippPhone start(String scenario, String injectionLine, String... arguments) throws Exception {
        return new SippPhone(Sipp.start(scenarioFile(scenario), sipPort(), "u1", 1, FreePorts.udpAndTcp(),
                List.of("SEQUENTIAL", injectionLine), RUN_TIMEOUT, arguments));
    }

    /** The demo tenant's SIP domain. */
    static final String DEMO_DOMAIN = "acme.tandem.test";

    /** An injection-file line for a demo extension with the SIP password the README lists. */
    static String demo(String number) {
        return line(number, DEMO_DOMAIN, "acme-" + number + "-secret");
    }

    /** An injection line: number, SIP domain, and SIPp's authentication keyword with the password. */
    static String line(String number, String domain, String password) {
        return number + ";" + domain + ";[authentication username=" + number + " password=" + password + "]";
    }

    /** The node's SIP port, as the failsafe plugin passes it to the client-side tests. */
    static int sipPort() {
        return Integer.getInteger("it.sip.port");
    }

    /** A scenario of the engine's tests, so the node is tested with the same phones. */
    static String scenario(String name) {
        return scenarioFile(name).toString();
    }

    private static Path scenarioFile(String name) {
        return Path.of(System.getProperty("it.sipp.scenarios"), name);
    }

    /** Waits for the phone's call to end; sipp's exit code (0 when every step passed). */
    int exitCode() throws Exception {
        finished = running.await();
        return finished.exitCode();
    }

    /** What the phone printed: all of it once ended, so far while it runs. */
    String output() throws Exception {
        return finished != null ? finished.describe() : running.outputSoFar();
    }

    void stop() throws Exception {
        running.stop();
    }
}
