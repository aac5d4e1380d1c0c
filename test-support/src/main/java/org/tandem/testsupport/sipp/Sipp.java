package org.tandem.testsupport.sipp;

import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.programs.Programs;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real SIPp binary (Debian package sip-tester) against a SIP node on loopback. Tests that use
 * it fail, never skip, when it is missing: a green build must mean a real SIP peer was answered.
 */
public final class Sipp {

    /** SIPp's own limit on a whole run ({@code -timeout}) unless told; a run that outlives its limit by {@link #GRACE} is killed. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration GRACE = Duration.ofSeconds(10);

    /** What one sipp run left: its exit code (0 = every call passed), screen output and error trace. */
    public record Run(int exitCode, String output, String errors) {
        public String describe() {
            return "sipp exit code " + exitCode + "\n--- output ---\n" + output + "\n--- unexpected messages ---\n" + errors;
        }

        /** Fails, saying what SIPp saw, unless every call of the run passed. */
        public void assertPassed() {
            if (exitCode != 0) {
                throw new AssertionError(describe());
            }
        }
    }

    private Sipp() {
    }

    public static Path executable() {
        return Programs.onPath("sipp", "sip-tester", "as a real SIP peer");
    }

    /**
     * Runs the scenario at classpath resource {@code scenario} against {@code 127.0.0.1:nodePort},
     * binding only loopback and writing its files into a temporary folder.
     *
     * @param transport sipp's {@code -t} mode, e.g. {@code u1} (UDP) or {@code t1} (TCP)
     * @param calls     how many calls (scenario runs) to make; sipp exits 0 only if all pass
     */
    public static Run run(String scenario, int nodePort, String transport, int calls) throws Exception {
        return run(scenario, nodePort, transport, calls, FreePorts.udpAndTcp(), List.of());
    }

    /**
     * Same, from local port {@code localPort}, with {@code injectionLines} as the injection file
     * ({@code -inf}; its first line is {@code SEQUENTIAL}, then one line of {@code ;}-separated fields
     * per call, used as {@code [field0]}, {@code [field1]}, ...) and more sipp arguments.
     */
    public static Run run(String scenario, int nodePort, String transport, int calls, int localPort,
                          List<String> injectionLines, String... moreArguments) throws Exception {
        return start(scenario, nodePort, transport, calls, localPort, injectionLines, moreArguments).await();
    }

    /** A sipp started in the background, e.g. a phone that registers and then waits for a call. */
    public static final class Running {
        private final Process process;
        private final List<String> command;
        private final Path work;
        private final Path output;
        private final Path errors;
        private final Duration timeout;

        private Running(Process process, List<String> command, Path work, Path output, Path errors, Duration timeout) {
            this.process = process;
            this.command = command;
            this.work = work;
            this.output = output;
            this.errors = errors;
            this.timeout = timeout;
        }

        /** Waits (bounded) for sipp to finish, and removes its files. */
        public Run await() throws Exception {
            try {
                if (!process.waitFor(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new AssertionError("sipp did not finish within " + timeout.plus(GRACE)
                            + " despite -timeout " + timeout.toSeconds() + "s: " + command);
                }
                return new Run(process.exitValue(), read(output), read(errors));
            } finally {
                removeFiles();
            }
        }

        /** What sipp has written to its screen so far, for a test that reports a phone still running. */
        public String outputSoFar() throws IOException {
            return read(output);
        }

        /** Ends sipp before its scenario does (a phone no longer needed), and removes its files. */
        public void stop() throws Exception {
            try {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            } finally {
                removeFiles();
            }
        }

        private void removeFiles() throws IOException {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Same as {@link #run(String, int, String, int, int, List, String...)}, without waiting for it. */
    public static Running start(String scenario, int nodePort, String transport, int calls, int localPort,
                                List<String> injectionLines, String... moreArguments) throws Exception {
        return start(scenario(scenario), nodePort, transport, calls, localPort, injectionLines, moreArguments);
    }

    /** Same, with the scenario in file {@code scenarioFile}. */
    public static Running start(Path scenarioFile, int nodePort, String transport, int calls, int localPort,
                                List<String> injectionLines, String... moreArguments) throws Exception {
        return start(scenarioFile, nodePort, transport, calls, localPort, injectionLines, RUN_TIMEOUT, moreArguments);
    }

    /** Same, for a run that may take up to {@code timeout} (a phone kept up while a browser walks through pages). */
    public static Running start(Path scenarioFile, int nodePort, String transport, int calls, int localPort,
                                List<String> injectionLines, Duration timeout, String... moreArguments) throws Exception {
        Path work = Files.createTempDirectory("sipp");
        Path output = work.resolve("sipp.out");
        Path errors = work.resolve("errors.log");
        List<String> command = new ArrayList<>(List.of(
                executable().toString(), "127.0.0.1:" + nodePort,
                "-sf", scenarioFile.toString(),
                "-t", transport,
                "-i", "127.0.0.1", "-bind_local",
                "-p", Integer.toString(localPort),
                "-m", Integer.toString(calls),
                "-timeout", timeout.toSeconds() + "s", "-timeout_error",
                "-nostdin",
                "-trace_err", "-error_file", errors.toString()));
        if (!injectionLines.isEmpty()) {
            Path injection = work.resolve("injection.csv");
            Files.write(injection, injectionLines);
            command.addAll(List.of("-inf", injection.toString()));
        }
        command.addAll(List.of(moreArguments));
        Process sipp = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return new Running(sipp, command, work, output, errors, timeout);
    }

    /** The file of the scenario at classpath resource {@code name}, e.g. for {@code -oocsf}. */
    public static Path scenario(String name) throws URISyntaxException {
        URL url = Sipp.class.getResource(name);
        if (url == null) {
            throw new AssertionError("no scenario " + name + " on the test classpath");
        }
        return Path.of(url.toURI());
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }
}
