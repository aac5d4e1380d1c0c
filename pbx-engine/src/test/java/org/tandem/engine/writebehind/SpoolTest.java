package org.tandem.engine.writebehind;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.call.ActiveCall;
import org.tandem.domain.call.ActiveCallChange;
import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallRecord;
import org.tandem.testsupport.logging.CapturedLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The spool's files on a real file system: what is read back, what is skipped, what is deleted. */
@Timeout(60)
class SpoolTest {

    @TempDir
    Path folder;

    private CapturedLog warnings;

    @BeforeEach
    void captureWarnings() {
        warnings = CapturedLog.start(Spool.class, Level.WARNING);
    }

    @AfterEach
    void release() {
        warnings.close();
    }

    static CallRecord record(int i) {
        Instant start = Instant.parse("2026-12-07T10:00:00.123456789Z").plusSeconds(i);
        return new CallRecord(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "101", "20" + i, start,
                i % 2 == 0 ? null : start.plusSeconds(1), start.plusSeconds(5),
                i % 2 == 0 ? CallDisposition.NO_ANSWER : CallDisposition.ANSWERED, i % 2 == 0 ? 480 : 200);
    }

    private Spool<CallRecord> open() {
        return Spool.open("call-records", SpoolCodecs.CALL_RECORDS, new Spool.Settings(folder));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.sorted().toList();
        }
    }

    @Test
    void aFileWithValuesNotDoneIsReadBackWholeAndExactly() {
        List<CallRecord> records = IntStream.range(0, 10).mapToObj(SpoolTest::record).toList();
        Spool<CallRecord> spool = open();
        List<Long> tickets = records.stream().map(spool::append).toList();
        tickets.subList(0, 4).forEach(spool::done);
        spool.close();

        Spool<CallRecord> again = open();
        assertThat(again.replayed()).containsExactlyElementsOf(records);
        again.close();
        assertThat(warnings.messages()).isEmpty();
    }

    @Test
    void activeCallChangesComeBackAsTheyWere() {
        UUID call = UUID.randomUUID();
        ActiveCall up = new ActiveCall(call, UUID.randomUUID(), UUID.randomUUID(), "101", "102",
                Instant.parse("2026-12-07T10:00:00.5Z"), null);
        List<ActiveCallChange> changes = List.of(ActiveCallChange.up(up), ActiveCallChange.ended(call));
        Spool<ActiveCallChange> spool = Spool.open("active-calls", SpoolCodecs.ACTIVE_CALL_CHANGES,
                new Spool.Settings(folder));
        changes.forEach(spool::append);
        spool.close();
        assertThat(Spool.open("active-calls", SpoolCodecs.ACTIVE_CALL_CHANGES, new Spool.Settings(folder)).replayed())
                .containsExactlyElementsOf(changes);
    }

    @Test
    void aFileIsDeletedOnceAllInItIsDoneAndNothingIsLeftAfterACleanCloseWithNothingWaiting() throws IOException {
        Spool<CallRecord> spool = Spool.open("call-records", SpoolCodecs.CALL_RECORDS, new Spool.Settings(folder, 500));
        List<Long> tickets = IntStream.range(0, 20).mapToObj(i -> spool.append(record(i))).toList();
        assertThat(tickets.stream().distinct().count()).as("several files of 500 bytes").isGreaterThan(3);
        assertThat(files()).hasSize((int) tickets.stream().distinct().count());
        tickets.subList(0, 10).forEach(spool::done);
        assertThat(files()).hasSize((int) tickets.subList(10, 20).stream().distinct().count());
        tickets.subList(10, 20).forEach(spool::done);
        spool.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void aRecordCutShortByACrashIsSkippedWithAWarningAndTheOnesBeforeAreKept() throws IOException {
        List<CallRecord> records = IntStream.range(0, 5).mapToObj(SpoolTest::record).toList();
        Spool<CallRecord> spool = open();
        records.forEach(spool::append);
        spool.close();
        Spool<CallRecord> writer = open();
        writer.append(record(99));
        writer.close();
        // a crash in the middle of the last append: the file ends within that record
        long longer = Files.size(files().getLast());
        try (var channel = Files.newByteChannel(files().getLast(), StandardOpenOption.WRITE)) {
            channel.truncate(longer - 7);
        }

        Spool<CallRecord> replay = open();
        assertThat(replay.replayed()).containsExactlyElementsOf(records);
        assertThat(warnings.messages()).singleElement().asString().contains("a record cut short");
    }

    @Test
    void aDamagedRecordEndsTheReadingOfItsFileWithAWarning() throws IOException {
        Spool<CallRecord> spool = open();
        IntStream.range(0, 3).forEach(i -> spool.append(record(i)));
        spool.close();
        Path file = files().getFirst();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x40; // inside the last record's bytes
        Files.write(file, bytes);

        assertThat(open().replayed()).hasSize(2);
        assertThat(warnings.messages()).singleElement().asString().contains("a damaged record");
    }

    @Test
    void aWholeRecordThisVersionCannotReadEndsTheReadingOfItsFileAndTheFileIsKept() throws IOException {
        CallRecord readable = record(1);
        Spool<CallRecord> spool = open();
        spool.append(readable);
        spool.close();
        // a record another version wrote: its frame and checksum hold, its bytes are no call record
        Spool<ActiveCallChange> other = Spool.open("call-records", SpoolCodecs.ACTIVE_CALL_CHANGES,
                new Spool.Settings(folder));
        other.append(ActiveCallChange.ended(UUID.randomUUID()));
        other.close();

        assertThat(open().replayed()).containsExactly(readable);
        assertThat(warnings.messages()).isNotEmpty().allSatisfy(warning -> assertThat(warning).contains("cannot read"));
        assertThat(files()).anySatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".spool.unreadable"));
    }

    /**
     * A full disk: a small tmpfs of its own (mounting needs root, as the tests run here; skipped
     * elsewhere). Values that do not fit are refused by the spool, which says so and reports it;
     * once there is room again, it takes values again and what it took before reads back whole.
     */
    @Test
    void aFullDiskIsReportedAndWhatFitReadsBackWhole() throws Exception {
        Path small = folder.resolve("small");
        Files.createDirectories(small);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0, "cannot mount a tmpfs here");
        try {
            // files of less than a page each, so that what is done frees room
            Spool<CallRecord> spool = Spool.open("call-records", SpoolCodecs.CALL_RECORDS, new Spool.Settings(small, 3_000));
            List<CallRecord> kept = new ArrayList<>();
            List<Long> tickets = new ArrayList<>();
            for (int i = 0; i < 1_000 && !spool.failing(); i++) {
                CallRecord record = record(i);
                long ticket = spool.append(record);
                tickets.add(ticket);
                if (ticket != Spool.NOT_SPOOLED) {
                    kept.add(record);
                }
            }
            assertThat(spool.failing()).isTrue();
            assertThat(spool.unspooled()).isEqualTo(1);
            assertThat(warnings.messages()).anySatisfy(warning -> assertThat(warning).contains("cannot append to"));
            assertThat(spool.force()).isTrue();

            // the database took the first half: their room is free again
            tickets.subList(0, tickets.size() / 2).forEach(spool::done);
            spool.done(Spool.NOT_SPOOLED);
            CallRecord later = record(5_000);
            assertThat(spool.append(later)).isNotEqualTo(Spool.NOT_SPOOLED);
            assertThat(spool.failing()).isFalse();
            spool.close();
            List<CallRecord> waiting = new ArrayList<>(kept.subList(tickets.size() / 2, kept.size()));
            waiting.add(later);
            List<CallRecord> everything = new ArrayList<>(kept);
            everything.add(later);
            // a file keeps its values that are done while another in it waits: the store takes those harmlessly
            assertThat(Spool.open("call-records", SpoolCodecs.CALL_RECORDS, new Spool.Settings(small)).replayed())
                    .containsAll(waiting).doesNotHaveDuplicates().isSubsetOf(everything)
                    .hasSizeLessThan(everything.size());
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
