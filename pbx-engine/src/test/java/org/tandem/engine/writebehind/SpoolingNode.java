package org.tandem.engine.writebehind;

import org.postgresql.ds.PGSimpleDataSource;
import org.tandem.domain.call.ActiveCall;
import org.tandem.domain.call.ActiveCallChange;
import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.call.CallRecord;
import org.tandem.storage.jdbc.JdbcActiveCalls;
import org.tandem.storage.jdbc.JdbcCallRecords;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * A node's write-behind in a JVM of its own, for {@link SpooledWritesTest} to kill with SIGKILL:
 * starts its call records and active calls with their spool while the database is up, says
 * "started", waits for "go" (the test stops the database meanwhile), hands over call records and
 * one call up, says "handed over", then waits to be killed.
 * <p>
 * Arguments: JDBC URL, spool folder, tenant id, node id, number of records, id of the call up.
 */
public final class SpoolingNode {

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setUrl(args[0] + "?connectTimeout=1&socketTimeout=5");
        database.setUser("tandem");
        database.setPassword("tandem");
        Optional<Path> spool = Optional.of(Path.of(args[1]));
        UUID tenant = UUID.fromString(args[2]);
        UUID node = UUID.fromString(args[3]);
        int count = Integer.parseInt(args[4]);
        UUID callUp = UUID.fromString(args[5]);

        BatchedCallRecords records = new BatchedCallRecords(new JdbcCallRecords(database), BatchedCallRecords.DEFAULT,
                spool);
        BatchedActiveCalls calls = BatchedActiveCalls.start(new JdbcActiveCalls(database), node,
                BatchedActiveCalls.DEFAULT, spool);
        System.out.println("started");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"go".equals(commands.readLine())) {
            throw new IllegalStateException("expected go");
        }
        Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < count; i++) {
            records.add(new CallRecord(UUID.randomUUID(), tenant, node, "101", Integer.toString(200 + i), start,
                    start.plusSeconds(1), start.plusSeconds(2 + i), CallDisposition.ANSWERED, 200));
        }
        calls.apply(java.util.List.of(ActiveCallChange.up(
                new ActiveCall(callUp, tenant, node, "101", "102", start, start.plusSeconds(1)))));
        // the database is down: nothing can be written, everything waits
        if (records.awaitWritten(Duration.ofMillis(200)) || calls.awaitWritten(Duration.ofMillis(1))) {
            throw new IllegalStateException("written although the database is down");
        }
        System.out.println("handed over");
        Thread.sleep(Duration.ofMinutes(5));
    }
}
