package org.tandem.engine.writebehind;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batcher's own rules, with a store that keeps what it is given in a list (and fails when told
 * to, as a database does: with an SQLException whose SQLSTATE says whether trying again can help).
 * What the rules mean against a real database is tested with the engine
 * ({@code location.NodeBindingsTest}, the call tests' records).
 */
@Timeout(20)
class WriteBehindTest {

    private static final WriteBehind.Settings SETTINGS =
            new WriteBehind.Settings(Duration.ofMillis(20), 100, 1_000, Duration.ofSeconds(2));

    /** A store that records its batches; while {@link #down} it fails as an unreachable server does. */
    private static final class ListStore implements WriteBehind.Store<String> {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();
        volatile String refused = "";

        @Override
        public void write(List<String> batch) {
            if (down.get()) {
                throw new IllegalStateException("could not write",
                        new SQLException("Connection to 127.0.0.1:15432 refused", "08001"));
            }
            if (batch.contains(refused)) {
                throw new IllegalStateException("could not write",
                        new SQLException("value too long for type character varying", "22001"));
            }
            batches.add(List.copyOf(batch));
        }

        List<String> written() {
            List<String> all = new ArrayList<>();
            batches.forEach(all::addAll);
            return all;
        }
    }

    private final ListStore store = new ListStore();
    private final List<String> lost = Collections.synchronizedList(new ArrayList<>());

    @Test
    void manyValuesGoInFewBatchesInTheOrderTheyCame() {
        try (WriteBehind<String, String> writes = new WriteBehind<>("test", store, SETTINGS, lost::addAll)) {
            IntStream.range(0, 250).forEach(i -> writes.put("k" + i, "v" + i));

            assertThat(writes.awaitWritten(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(store.written()).containsExactlyElementsOf(IntStream.range(0, 250).mapToObj(i -> "v" + i).toList());
        assertThat(store.batches).as("at most 100 a batch").allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(100))
                .hasSizeLessThan(10);
    }

    @Test
    void aValueWaitsForItsWindowSoOthersCanJoinIt() throws Exception {
        try (WriteBehind<String, String> writes = new WriteBehind<>("test",
                store, new WriteBehind.Settings(Duration.ofSeconds(2), 100, 1_000, Duration.ofSeconds(2)), lost::addAll)) {
            Thread.sleep(200); // the writer is idle, waiting for a first value
            writes.put("a", "1");
            Thread.sleep(100);
            writes.put("b", "2");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (store.batches.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(store.batches).containsExactly(List.of("1", "2"));
        }
    }

    @Test
    void aNewerValueOfAKeyReplacesTheOneStillWaiting() {
        writeAndClose("a", "a1", "b", "b1", "a", "a2");
        assertThat(store.written()).containsExactly("b1", "a2");
    }

    @Test
    void whatTheDatabaseCannotTakeNowWaitsAndIsWrittenOnceItCan() throws Exception {
        store.down.set(true);
        try (WriteBehind<String, String> writes = new WriteBehind<>("test", store, SETTINGS, lost::addAll)) {
            writes.put("a", "a1");
            writes.put("b", "b1");
            assertThat(writes.awaitWritten(Duration.ofMillis(300))).isFalse();
            writes.put("a", "a2");
            assertThat(writes.backlog()).isEqualTo(2);

            store.down.set(false);

            assertThat(writes.awaitWritten(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(store.written()).as("the newer value of a replaced the one that failed").containsExactly("b1", "a2");
        assertThat(lost).isEmpty();
    }

    @Test
    void aValueTheDatabaseRefusesForGoodIsDroppedAloneAndReported() {
        store.refused = "bad";
        writeAndClose("a", "good1", "b", "bad", "c", "good2");
        assertThat(store.written()).containsExactly("good1", "good2");
        assertThat(lost).containsExactly("bad");
    }

    @Test
    void closingWritesWhatWaitsAndAValueHandedOverLaterIsWrittenAtOnce() {
        WriteBehind<String, String> writes = new WriteBehind<>("test", store,
                new WriteBehind.Settings(Duration.ofSeconds(30), 100, 1_000, Duration.ofSeconds(2)), lost::addAll);
        writes.put("a", "1");

        writes.close();
        assertThat(store.written()).as("written at close, not 30 s later").containsExactly("1");

        writes.put("b", "2");
        assertThat(store.written()).containsExactly("1", "2");
    }

    @Test
    void closingGivesUpAfterItsTimeoutWhileTheDatabaseIsDownAndReportsWhatIsLost() {
        store.down.set(true);
        WriteBehind<String, String> writes = new WriteBehind<>("test", store,
                new WriteBehind.Settings(Duration.ofMillis(5), 100, 1_000, Duration.ofMillis(500)), lost::addAll);
        writes.put("a", "1");
        writes.put("b", "2");

        long started = System.nanoTime();
        writes.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(lost).containsExactlyInAnyOrder("1", "2");
        assertThat(store.written()).isEmpty();
    }

    @Test
    void theBacklogIsBoundedForCallersThatAskFirst() {
        store.down.set(true);
        try (WriteBehind<String, String> writes = new WriteBehind<>("test", store,
                new WriteBehind.Settings(Duration.ofMillis(5), 2, 3, Duration.ofMillis(100)), lost::addAll)) {
            writes.put("a", "1");
            writes.put("b", "2");
            assertThat(writes.hasRoom()).isTrue();
            writes.put("c", "3");

            assertThat(writes.hasRoom()).isFalse();
            assertThat(writes.backlog()).isEqualTo(3);
        }
    }

    /** Hands keys and values (key, value, key, value ...) to a new write-behind, waits until written, and closes it. */
    private void writeAndClose(String... keysAndValues) {
        try (WriteBehind<String, String> writes = new WriteBehind<>("test", store, SETTINGS, lost::addAll)) {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                writes.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            writes.awaitWritten(Duration.ofSeconds(5));
        }
    }
}
