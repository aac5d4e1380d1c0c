package org.tandem.testsupport.programs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end, bounded in time: its exit code and its output (stdout and stderr together). */
public record Command(List<String> command, int exitCode, String output) {

    /** Runs {@code command}; killed, and an exit code of -1, past {@code timeout}. */
    public static Command run(Duration timeout, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            // read while it runs, so a chatty command cannot block on a full pipe
            StringBuffer text = new StringBuffer();
            Thread output = Thread.ofPlatform().daemon().start(() -> {
                try {
                    text.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    text.append(e);
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                output.join(5_000);
                return new Command(command, -1, text + "\n(killed after " + timeout + ")");
            }
            output.join(5_000);
            return new Command(command, process.exitValue(), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Runs {@code command} and fails, with what it said, unless it exits 0. */
    public static String succeed(Duration timeout, String... command) {
        Command run = run(timeout, List.of(command));
        if (run.exitCode != 0) {
            throw new IllegalStateException(run.describe());
        }
        return run.output;
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String describe() {
        return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
    }
}
