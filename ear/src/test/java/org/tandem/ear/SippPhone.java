package org.tandem.ear;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A SIPp phone against the node under test, on its own free UDP port, reading one injection line. */
record SippPhone(Process process, Path log) {

    static SippPhone start(String scenario, String injectionLine, String... arguments) throws IOException {
        Path injection = Files.createTempFile("tandem-phone", ".csv");
        Files.writeString(injection, "SEQUENTIAL\n" + injectionLine + "\n");
        Path output = Files.createTempFile("tandem-sipp", ".log");
        List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + sipPort(), "-sf", scenario(scenario),
                "-inf", injection.toString(), "-t", "u1", "-i", "127.0.0.1", "-p", Integer.toString(freeUdpPort()),
                "-timeout", "30s", "-timeout_error", "-nostdin"));
        command.addAll(List.of(arguments));
        return new SippPhone(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start(),
                output);
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
        return Path.of(System.getProperty("it.sipp.scenarios"), name).toString();
    }

    int exitCode() throws InterruptedException {
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("sipp finished").isTrue();
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
