package org.tandem.engine.call;

import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.programs.Programs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real baresip 1.0 (Debian package baresip) on loopback: one account registered at the engine
 * through {@code outbound}, G.711 only, sending an 8 kHz WAV ({@code aufile}) and dropping what it
 * hears ({@code aubridge,nil}), no terminal UI. Tests that use it fail, never skip, when it is missing.
 */
final class BaresipPhone implements AutoCloseable {

    private final Path folder;
    private final Path output;
    private final List<String> command;
    private Process process;

    /**
     * Writes the config folder {@code folder} of a phone for {@code number@domain} with {@code password},
     * registering at {@code 127.0.0.1:enginePort} over UDP, listening on {@code sipPort} (baresip also takes
     * the next ports for TCP/TLS) and sending {@code wav}. It runs with {@code -s}, so its output holds
     * the SIP messages too, for whoever reads a failure.
     *
     * @param autoAnswer whether it answers incoming calls by itself
     * @param quitAfter  baresip's {@code -t}: it quits (hanging up its call) after that long
     * @param commands   baresip's {@code -e} commands, run once it has started, e.g. {@code /dial ...}
     */
    BaresipPhone(Path folder, String number, String domain, String password, int enginePort, int sipPort,
                 int rtpFrom, Path wav, boolean autoAnswer, Duration quitAfter, String... commands) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.output = folder.resolve("baresip.out");
        Files.writeString(folder.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                "net_interface 127.0.0.1",
                "audio_path /usr/share/baresip",
                "audio_player aubridge,nil",
                "audio_source aufile," + wav,
                "audio_alert aubridge,nil",
                "rtp_ports " + rtpFrom + "-" + (rtpFrom + 98),
                "rtp_timeout 0",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module aubridge.so",
                "module_app account.so",
                "module_app menu.so",
                ""), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("accounts"),
                "<sip:" + number + "@" + domain + ">;auth_user=" + number + ";auth_pass=" + password
                        + ";outbound=\"sip:127.0.0.1:" + enginePort + "\";regint=600;audio_codecs=PCMU,PCMA"
                        + (autoAnswer ? ";answermode=auto" : ";answermode=manual") + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("contacts"), "", StandardCharsets.UTF_8);
        command = new ArrayList<>(List.of(executable().toString(), "-s", "-f", folder.toString(),
                "-t", Long.toString(quitAfter.toSeconds())));
        for (String c : commands) {
            command.addAll(List.of("-e", c));
        }
    }

    static Path executable() {
        return Programs.onPath("baresip", "baresip", "as a real SIP phone");
    }

    /** An 8 kHz mono 16-bit WAV of a {@code hertz} tone lasting {@code length}, made by sox. */
    static Path tone(Path file, int hertz, Duration length) throws Exception {
        Path sox = Programs.onPath("sox", "sox", "to make the WAV baresip sends");
        Process p = new ProcessBuilder(sox.toString(), "-n", "-r", "8000", "-c", "1", "-b", "16", file.toString(),
                "synth", Long.toString(length.toSeconds()), "sine", Integer.toString(hertz), "vol", "0.5")
                .redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sox did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || !Files.isRegularFile(file)) {
            throw new AssertionError("sox failed (" + p.exitValue() + "): " + out);
        }
        return file;
    }

    /**
     * {@code count} SIP ports for baresip, 10 apart, each free with the next two (baresip takes them for
     * TCP and TLS). They come from below Linux's ephemeral range (32768 up), where the test's own
     * connections (JDBC, the engine's sockets) could take one between this check and baresip's bind.
     */
    static int[] sipPorts(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 21_000 + 20 * ThreadLocalRandom.current().nextInt(500);
            int[] ports = new int[count];
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                ports[i] = base + 10 * i;
                for (int port = ports[i]; port <= ports[i] + 2; port++) {
                    free &= FreePorts.isFree(port);
                }
            }
            if (free) {
                return ports;
            }
        }
        throw new AssertionError("no free loopback ports for " + count + " baresip instances");
    }

    /**
     * The first of 100 RTP ports for baresip number {@code index} of a test, in a block picked at random
     * below the SIP ports and the ephemeral range (baresip tries other ports of its range if one is taken).
     */
    static int rtpPorts(int block, int index) {
        return 10_000 + 200 * block + 100 * index;
    }

    /** A random block for {@link #rtpPorts}. */
    static int rtpBlock() {
        return ThreadLocalRandom.current().nextInt(50);
    }

    BaresipPhone start() throws IOException {
        process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return this;
    }

    /** Everything baresip printed so far. */
    String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    List<String> lines() {
        return output().lines().toList();
    }

    /** Waits at most {@code timeout} for a line of output that matches; false if none came (or it exited). */
    boolean awaitLine(Predicate<String> line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines().stream().anyMatch(line)) {
                return true;
            }
            if (!process.isAlive()) {
                return lines().stream().anyMatch(line);
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Waits at most {@code timeout} for baresip to quit by itself; false if it is still running. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String describe() {
        return String.join(" ", command) + "\n--- output ---\n" + output();
    }

    /** Asks baresip to quit (SIGTERM: it hangs up and unregisters), then kills it if it lingers. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        }
    }
}
