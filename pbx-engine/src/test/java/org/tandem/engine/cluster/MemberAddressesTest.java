package org.tandem.engine.cluster;

import org.junit.jupiter.api.Test;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.NodeDirectory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberAddressesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    /** The node table as the engine reads it; {@code down} as when the database does not answer. */
    private static final class Table implements NodeDirectory {
        final Map<UUID, NetworkAddress> rows = new HashMap<>();
        boolean down;
        volatile int reads;
        /** When set, a reading waits inside the database until it opens. */
        volatile CountDownLatch hold;
        final CountDownLatch inside = new CountDownLatch(1);

        @Override
        public Optional<NetworkAddress> sipAddressOf(UUID nodeId) {
            return Optional.ofNullable(rows.get(nodeId));
        }

        @Override
        public Map<UUID, NetworkAddress> sipAddresses() {
            reads++;
            if (hold != null) {
                inside.countDown();
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (down) {
                throw new IllegalStateException("the database does not answer");
            }
            return Map.copyOf(rows);
        }
    }

    @Test
    void nodesAreFoundByTheirAddressWhateverItsSpellingAndTheTableIsReadAtMostEveryTwoSeconds() {
        Table table = new Table();
        table.rows.put(A, new NetworkAddress("127.0.0.2", 5060));
        table.rows.put(B, new NetworkAddress("localhost", 5062));
        MemberAddresses members = new MemberAddresses(table);

        assertThat(members.nodesAt("127.0.0.2", NOW)).containsExactly(A);
        assertThat(members.nodesAt("127.0.0.1", NOW)).as("a host name, resolved").containsExactly(B);
        assertThat(members.nodesAt("127.0.0.9", NOW)).isEmpty();
        assertThat(members.nodesAt("not-an-address", NOW)).isEmpty();
        assertThat(table.reads).isEqualTo(1);

        UUID joined = UUID.randomUUID();
        table.rows.put(joined, new NetworkAddress("127.0.0.9", 5060));
        assertThat(members.nodesAt("127.0.0.9", NOW.plusMillis(1_999))).isEmpty();
        assertThat(members.nodesAt("127.0.0.9", NOW.plusSeconds(2))).containsExactly(joined);
        assertThat(table.reads).isEqualTo(2);
    }

    @Test
    void aTableNeverReadIsAStorageFailureAndALaterFailureKeepsTheLastReading() {
        Table table = new Table();
        table.rows.put(A, new NetworkAddress("127.0.0.2", 5060));
        table.down = true;
        MemberAddresses members = new MemberAddresses(table);
        assertThatThrownBy(() -> members.nodesAt("127.0.0.2", NOW)).hasMessageContaining("does not answer");
        assertThatThrownBy(() -> members.nodesAt("127.0.0.2", NOW.plusSeconds(1))).hasMessageContaining("does not answer");
        assertThat(table.reads).as("not asked again within two seconds").isEqualTo(1);

        table.down = false;
        assertThat(members.nodesAt("127.0.0.2", NOW.plusSeconds(2))).containsExactly(A);
        table.down = true;
        assertThat(members.nodesAt("127.0.0.2", NOW.plusSeconds(4))).containsExactly(A);
    }

    @Test
    void whileOneThreadWaitsOnTheDatabaseTheOthersGoOnWithTheLastReading() throws Exception {
        Table table = new Table();
        table.rows.put(A, new NetworkAddress("127.0.0.2", 5060));
        MemberAddresses members = new MemberAddresses(table);
        assertThat(members.nodesAt("127.0.0.2", NOW)).containsExactly(A);

        table.rows.put(B, new NetworkAddress("127.0.0.3", 5060));
        table.hold = new CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> members.nodesAt("127.0.0.3", NOW.plusSeconds(3)));
        assertThat(table.inside.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(members.nodesAt("127.0.0.3", NOW.plusSeconds(3))).as("the last reading, at once").isEmpty();
        assertThat(members.nodesAt("127.0.0.2", NOW.plusSeconds(3))).containsExactly(A);
        table.hold.countDown();
        reader.join(5_000);
        assertThat(members.nodesAt("127.0.0.3", NOW.plusSeconds(3))).containsExactly(B);
        assertThat(table.reads).isEqualTo(2);
    }
}
