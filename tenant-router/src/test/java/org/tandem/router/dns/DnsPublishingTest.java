package org.tandem.router.dns;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.testsupport.time.Pause;
import org.xbill.DNS.Type;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.router.dns.TestLayouts.POOL_AB;
import static org.tandem.router.dns.TestLayouts.POOL_CA;
import static org.tandem.router.dns.TestLayouts.layout;
import static org.tandem.router.dns.TestLayouts.tenant;

/** The node's DNS publishing as it is switched on by settings, against a real bind9. */
class DnsPublishingTest {

    @RegisterExtension
    static final Bind9 bind = new Bind9();

    @TempDir
    Path folder;

    private final AtomicReference<ClusterLayout> cluster = new AtomicReference<>(
            layout(List.of(POOL_AB), tenant("acme.tandem.test", POOL_AB)));
    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger logger = Logger.getLogger(DnsPublishing.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logged) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
        new ZonePublisher(bind.client(Bind9.PUBLISHER), bind.names()).publish(List.of());
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    /** Settings for publishing to the test's bind9 with {@code key}, and any more lines of properties. */
    private static Properties settings(Bind9.Key key, String more) {
        return DnsSettingsTest.properties("""
                tandem.dns.server=127.0.0.1
                tandem.dns.port=%d
                tandem.dns.zone=tandem.test
                tandem.dns.key.name=%s
                tandem.dns.key.secret=%s
                tandem.dns.key.algorithm=%s
                """.formatted(bind.address().getPort(), key.name(), key.secret(), key.algorithm()) + more);
    }

    private List<String> messages(Level level) {
        synchronized (logged) {
            return logged.stream().filter(record -> record.getLevel().equals(level))
                    .map(record -> MessageFormat.format(record.getMessage(), record.getParameters()))
                    .toList();
        }
    }

    @Test
    void withoutAServerOrAnExportFileNothingRunsAndTheLogSaysHowToTurnItOn() {
        assertThat(DnsPublishing.start(new Properties(), cluster::get)).isEmpty();

        assertThat(messages(Level.INFO)).containsExactly("DNS publishing is off: set TANDEM_DNS_SERVER (RFC 2136 "
                + "updates) or TANDEM_DNS_EXPORT_FILE (a zone file) to turn it on");
    }

    @Test
    void onceStartedTheZoneAndTheExportFollowTheCluster() throws Exception {
        Path export = folder.resolve("export/tandem.records");
        try (DnsPublishing publishing = DnsPublishing.start(settings(Bind9.PUBLISHER,
                "tandem.dns.export.file=" + export), cluster::get).orElseThrow()) {
            // the first round runs at once, on the publishing thread
            awaitTrue(() -> bind.query("_sip._udp.acme.tandem.test.", Type.SRV).size() == 2 && Files.exists(export));

            cluster.set(layout(List.of(POOL_AB, POOL_CA), tenant("acme.tandem.test", POOL_CA)));
            assertThat(publishing.publishNow()).hasValueSatisfying(run -> assertThat(run.added()).isEqualTo(4 + 1 + 4));

            assertThat(bind.query("_sip._udp.acme.tandem.test.", Type.SRV)).first().asString()
                    .endsWith("10 0 5070 node-c.nodes.tandem.test.");
            assertThat(Files.readString(export)).contains("node-c.nodes.tandem.test.");
            assertThat(publishing.publishNow()).hasValueSatisfying(run -> assertThat(run.changedTheZone()).isFalse());
        }
        assertThat(messages(Level.WARNING)).isEmpty();
    }

    @Test
    void aRefusedKeyIsLoggedOnceWhileItLastsAndTheZoneIsLeftAlone() {
        Bind9.Key wrongSecret = new Bind9.Key(Bind9.PUBLISHER.name(), Bind9.PUBLISHER.algorithm(), Bind9.newSecret());
        List<String> zoneBefore = bind.zone();
        try (DnsPublishing publishing = DnsPublishing.start(settings(wrongSecret,
                "tandem.dns.interval.seconds=3600"), cluster::get).orElseThrow()) {
            awaitTrue(() -> !messages(Level.WARNING).isEmpty());
            publishing.runLogged();
            publishing.runLogged();

            assertThat(messages(Level.WARNING)).singleElement().asString()
                    .contains("DNS: zone tandem.test. not brought in step (next try in 3600 s): DNS server 127.0.0.1:")
                    .contains("NOTAUTH/BADSIG");
            assertThatThrownBy(publishing::publishNow).isInstanceOf(DnsRefusedException.class);
        }
        assertThat(bind.zone()).isEqualTo(zoneBefore);
    }

    @Test
    void aLayoutDnsCannotShowIsReportedAndNothingIsSentUntilItIsFixed() {
        cluster.set(layout(List.of(POOL_AB), tenant("acme.tandem.test", POOL_CA)));
        try (DnsPublishing publishing = DnsPublishing.start(settings(Bind9.PUBLISHER,
                "tandem.dns.interval.seconds=3600"), cluster::get).orElseThrow()) {
            awaitTrue(() -> !messages(Level.WARNING).isEmpty());

            assertThat(messages(Level.WARNING)).singleElement().asString()
                    .endsWith("tenant domain acme.tandem.test is served by pool 'pool-ca', which is not in the cluster");
            assertThat(bind.query("node-a.nodes.tandem.test.", Type.A)).isEmpty();

            cluster.set(layout(List.of(POOL_AB, POOL_CA), tenant("acme.tandem.test", POOL_CA)));
            publishing.runLogged();

            assertThat(messages(Level.INFO)).contains("DNS: zone tandem.test. is in step again");
            assertThat(bind.query("node-a.nodes.tandem.test.", Type.A)).hasSize(1);
        }
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            Pause.of(Duration.ofMillis(20));
        }
    }
}
