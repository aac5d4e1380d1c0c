package org.tandem.engine.writebehind;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallRecord;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.storage.jdbc.JdbcActiveCalls;
import org.tandem.storage.jdbc.JdbcCallRecords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * Call records and calls up, written behind while the real database is down, outlive a clean stop
 * and a kill of the node in the spool, and are written once each when the database and the node
 * are back; a spool read twice writes nothing twice.
 */
@Timeout(180)
class SpooledWritesTest {

    private static final WriteBehind.Settings QUICK_STOP =
            new WriteBehind.Settings(Duration.ofMillis(20), 50, 1_000, Duration.ofSeconds(1));

    @TempDir
    Path folder;

    private final List<String> errors = new ArrayList<>();
    private final Logger julLogger = Logger.getLogger("org.tandem.engine.writebehind");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(record.getMessage());
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
    void captureErrors() {
        julLogger.addHandler(capture);
    }

    @AfterEach
    void release() {
        julLogger.removeHandler(capture);
    }

    @Test
    void recordsWaitingAtACleanStopWithTheDatabaseDownAreWrittenOnceEachAtTheNextStart() throws IOException {
        RegistrarDatabase db = RegistrarDatabase.start("spool-clean-stop");
        Path spool = folder.resolve("spool");
        try {
            UUID tenant = db.tenantId(ALPHA);
            List<CallRecord> made = new ArrayList<>();
            JdbcCallRecords store = new JdbcCallRecords(db.dataSource());
            try (BatchedCallRecords records = new BatchedCallRecords(store, QUICK_STOP, Optional.of(spool))) {
                made.addAll(add(records, tenant, db.nodeId(), 10));
                assertThat(records.awaitWritten(Duration.ofSeconds(10))).isTrue();
                db.stopServer();
                made.addAll(add(records, tenant, db.nodeId(), 30));
            } // a clean stop: gives up on the database after a second
            assertThat(errors).as("nothing lost").isEmpty();
            assertThat(spoolFiles(spool)).isNotEmpty();

            db.startServer();
            try (BatchedCallRecords records = new BatchedCallRecords(store, QUICK_STOP, Optional.of(spool))) {
                assertThat(records.awaitWritten(Duration.ofSeconds(30))).isTrue();
            }
            assertThat(storedIds(db)).containsExactlyInAnyOrderElementsOf(ids(made));
            assertThat(spoolFiles(spool)).as("the spool is empty once all is written").isEmpty();
        } finally {
            db.close();
        }
    }

    /**
     * A process-level crash: the node is a JVM of its own ({@link SpoolingNode}), killed with
     * SIGKILL while its records and a call up wait for the database; nothing of it runs its
     * shutdown. The spool is then read once, and a copy of it taken before once more, as a crash
     * between the database's commit and the spool's update would make it.
     */
    @Test
    void recordsAndCallsUpOfANodeKilledWhileTheDatabaseIsDownAreWrittenOnceEachAtItsNextStart() throws Exception {
        RegistrarDatabase db = RegistrarDatabase.start("spool-kill");
        Path spool = folder.resolve("spool");
        UUID callUp = UUID.randomUUID();
        try {
            UUID tenant = db.tenantId(ALPHA);
            Process node = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "-cp", System.getProperty("java.class.path"), SpoolingNode.class.getName(),
                    db.url(), spool.toString(), tenant.toString(), db.nodeId().toString(), "40", callUp.toString())
                    .redirectError(folder.resolve("node.err").toFile()).start();
            try {
                BufferedReader said = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter tell = new PrintWriter(node.getOutputStream(), true, StandardCharsets.UTF_8);
                assertThat(said.readLine()).as(() -> errorsOf(node)).isEqualTo("started");
                db.stopServer();
                tell.println("go");
                assertThat(said.readLine()).as(() -> errorsOf(node)).isEqualTo("handed over");
            } finally {
                node.destroyForcibly(); // SIGKILL
                assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(node.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            Path copy = folder.resolve("spool-copy");
            copyFolder(spool, copy);

            db.startServer();
            startAgain(db, spool);
            List<String> once = storedIds(db);
            assertThat(once).hasSize(41).contains(callUp.toString());
            assertThat(db.strings("select disposition || ' ' || sip_cause from call_record where id = ?", callUp))
                    .as("the call up at the kill is recorded as cut off").containsExactly("ANSWERED 200");
            assertThat(spoolFiles(spool)).isEmpty();

            startAgain(db, copy);
            assertThat(storedIds(db)).as("a second reading doubles nothing").containsExactlyInAnyOrderElementsOf(once);
            assertThat(db.strings("select count(*)::text from active_call where node_id = ?", db.nodeId()))
                    .containsExactly("0");
        } finally {
            db.close();
        }
    }

    private String errorsOf(Process node) {
        try {
            node.waitFor(2, TimeUnit.SECONDS);
            return "the node said on stderr: " + Files.readString(folder.resolve("node.err"));
        } catch (IOException | InterruptedException e) {
            return "no stderr: " + e;
        }
    }

    /** What the engine does at start: the spooled call records, then the calls up (recorded as cut off). */
    private static void startAgain(RegistrarDatabase db, Path spool) {
        try (BatchedCallRecords records = new BatchedCallRecords(new JdbcCallRecords(db.dataSource()),
                BatchedCallRecords.DEFAULT, Optional.of(spool))) {
            assertThat(records.awaitWritten(Duration.ofSeconds(30))).isTrue();
            BatchedActiveCalls.start(new JdbcActiveCalls(db.dataSource()), db.nodeId(), BatchedActiveCalls.DEFAULT,
                    Optional.of(spool)).close();
        }
    }

    private static List<CallRecord> add(BatchedCallRecords records, UUID tenant, UUID node, int count) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<CallRecord> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CallRecord record = new CallRecord(UUID.randomUUID(), tenant, node, "101", Integer.toString(200 + i), start,
                    null, start.plusSeconds(3), CallDisposition.NO_ANSWER, 480);
            made.add(record);
            records.add(record);
        }
        return made;
    }

    private static List<String> storedIds(RegistrarDatabase db) {
        return db.strings("select id::text from call_record where node_id = ?", db.nodeId());
    }

    private static List<String> ids(List<CallRecord> records) {
        return records.stream().map(record -> record.id().toString()).toList();
    }

    private static List<Path> spoolFiles(Path spool) throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.toList();
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path file : spoolFiles(from)) {
            Files.copy(file, to.resolve(file.getFileName()));
        }
    }
}
