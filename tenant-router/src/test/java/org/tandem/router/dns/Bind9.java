package org.tandem.router.dns;

import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.time.Pause;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real BIND 9 (Debian's {@code named}) serving one zone, for one test class: config, zone file and
 * keys in a temporary folder, listening on 127.0.0.1 at a free port (named listens only on addresses
 * an interface has, and lo has only 127.0.0.1), run in the foreground as the current user, stopped by
 * {@link #close()} (or after the test class, as an extension). The zone takes updates signed with {@link #PUBLISHER}; {@link #READER} may only
 * transfer it, {@link #STRANGER} is known to the server but may do nothing.
 */
public final class Bind9 implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    static final String ZONE = "tandem.test.";
    public static final Key PUBLISHER = new Key("tandem-publisher", "hmac-sha256", newSecret());
    static final Key READER = new Key("tandem-reader", "hmac-sha256", newSecret());
    static final Key STRANGER = new Key("stranger", "hmac-sha512", newSecret());

    /** A TSIG key as named.conf and Tandem's settings both write it. */
    public record Key(String name, String algorithm, String secret) {

        TsigKey tsigKey() {
            return TsigKey.of(name, algorithm, secret);
        }

        String clause() {
            return "key \"%s\" { algorithm %s; secret \"%s\"; };%n".formatted(name, algorithm, secret);
        }
    }

    /** What the operator has in the zone before Tandem comes: Tandem must leave all of it alone. */
    static final String OPERATOR_RECORDS = """
            www                   IN A     192.0.2.80
            _sip._udp.legacy      IN SRV   10 0 5060 sip.example.net.
            _xmpp-client._tcp     IN SRV   5 0 5222 chat.example.net.
            """;

    private static final Path NAMED = Path.of("/usr/sbin/named");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String zoneBody;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private Path ownFolder;
    private Process process;
    private InetSocketAddress address;

    /** One server for a test class, the operator's records in its zone: a static {@code @RegisterExtension} field. */
    Bind9() {
        this(OPERATOR_RECORDS);
    }

    /** The same, with these master-file lines after the zone's SOA and NS records. */
    Bind9(String zoneBody) {
        this.zoneBody = zoneBody;
    }

    /** A server started now, in {@code folder}; the caller closes it. */
    public static Bind9 start(Path folder, String zoneBody) {
        Bind9 server = new Bind9(zoneBody);
        server.startIn(folder);
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ownFolder = Files.createTempDirectory("tandem-bind9-");
        startIn(ownFolder);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> files = Files.walk(ownFolder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private void startIn(Path folder) {
        IllegalStateException failure = null;
        // a free port can be taken between finding it and named binding it: try another
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                startOn(folder, FreePorts.udpAndTcp());
                return;
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private void startOn(Path folder, int port) {
        try {
            Path dir = Files.createTempDirectory(folder, "named");
            Files.writeString(dir.resolve("tandem.test.zone"), """
                    $TTL 300
                    @      IN SOA ns.tandem.test. hostmaster.tandem.test. 1 3600 600 86400 60
                    @      IN NS  ns.tandem.test.
                    ns     IN A   127.0.0.1
                    """ + zoneBody);
            Files.writeString(dir.resolve("named.conf"), PUBLISHER.clause() + READER.clause() + STRANGER.clause()
                    + """
                    options {
                        directory "%1$s";
                        pid-file none;
                        session-keyfile "%1$s/session.key";
                        listen-on port %2$d { 127.0.0.1; };
                        listen-on-v6 { none; };
                        recursion no;
                        dnssec-validation no;
                        notify no;
                    };
                    controls { };
                    zone "tandem.test" {
                        type primary;
                        file "%1$s/tandem.test.zone";
                        allow-update { key %3$s; };
                        allow-transfer { key %3$s; key %4$s; };
                    };
                    """.formatted(dir, port, PUBLISHER.name(), READER.name()));
            log.clear();
            process = new ProcessBuilder(NAMED.toString(), "-g", "-4", "-c", dir.resolve("named.conf").toString())
                    .redirectErrorStream(true).start();
            Process started = process;
            Thread.ofPlatform().daemon().name("named-log").start(() -> collect(started, log));
            address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            awaitServing(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitServing(int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // named logs a line that ends in "running" once it has loaded its zones and opened its sockets
        while (System.nanoTime() < deadline && process.isAlive() && !logged(line -> line.endsWith(" running"))) {
            Pause.of(Duration.ofMillis(20));
        }
        boolean serving = logged(line -> line.endsWith("listening on IPv4 interface lo, 127.0.0.1#" + port))
                && logged(line -> line.contains("zone tandem.test/IN: loaded serial"));
        if (!serving || !process.isAlive()) {
            close();
            throw new IllegalStateException("named did not serve tandem.test on 127.0.0.1:" + port + ":\n"
                    + String.join("\n", log));
        }
    }

    private boolean logged(Predicate<String> line) {
        synchronized (log) {
            return log.stream().anyMatch(line);
        }
    }

    private static void collect(Process process, List<String> log) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines.lines().forEach(log::add);
        } catch (IOException | UncheckedIOException e) {
            // the process ended and its output was closed under the reader: nothing more to read
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    public ZoneNames names() {
        return new ZoneNames(ZONE);
    }

    public ZoneClient client(Key key) {
        return new ZoneClient(names().zone(), address, key.tsigKey(), Duration.ofSeconds(5));
    }

    /** The zone as the publisher's key transfers it, one normalised line per record, SOA included. */
    List<String> zone() {
        return client(PUBLISHER).transfer().stream().map(Bind9::line).toList();
    }

    /** An unsigned query, as any resolver would send it: the answer's records, one normalised line each. */
    List<String> query(String name, int type) {
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTimeout(Duration.ofSeconds(5));
        try {
            Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
            return answer.getSection(Section.ANSWER).stream().map(Bind9::line).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name ttl IN TYPE data} with single spaces. */
    static String line(Record record) {
        return record.toString().replaceAll("\\s+", " ");
    }

    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
