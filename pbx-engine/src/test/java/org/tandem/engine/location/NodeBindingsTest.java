package org.tandem.engine.location;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.BindingChange;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.engine.writebehind.WriteBehind;
import org.tandem.storage.jdbc.JdbcRegistrations;
import org.tandem.testsupport.database.NodeRow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.engine.location.RegistrationTable.newAddress;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * This node's bindings in memory in front of the real registration table: served from memory at
 * once, in the database within the batch window, loaded again by a restarted node, and kept
 * (bounded) while the database is down.
 */
@Timeout(60)
class NodeBindingsTest {

    @RegisterExtension
    static final RegistrationTable SHARED = new RegistrationTable();

    private final RegistrarDatabase db = SHARED.db();
    private final JdbcRegistrations table = SHARED.table();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Registration binding(UUID node, AddressOfRecord aor, String contact, long cseq) {
        return Registration.taken(node, aor, contact, null, new Flow("udp", "192.0.2.7", 5062), "call@phone", cseq,
                "Phone/1.0", now, Duration.ofHours(1));
    }

    private static List<BindingChange> saved(Registration binding) {
        return List.of(new BindingChange.Saved(binding));
    }

    @Test
    void aChangeIsServedAtOnceAndReachesTheDatabaseBehindIt() {
        AddressOfRecord aor = newAddress(db);
        try (NodeBindings bindings = NodeBindings.load(table, db.nodeId(), now, NodeBindings.Settings.DEFAULT, () -> true)) {
            Registration first = binding(db.nodeId(), aor, "sip:a@192.0.2.7", 1);
            bindings.apply(saved(first));
            assertThat(bindings.active(db.nodeId(), aor, now)).containsExactly(first);

            Registration refresh = binding(db.nodeId(), aor, "sip:a@192.0.2.7", 2);
            bindings.apply(saved(refresh));
            assertThat(bindings.active(db.nodeId(), aor, now)).singleElement().satisfies(binding -> {
                assertThat(binding.id()).as("a refresh keeps the binding's identity, as its row does").isEqualTo(first.id());
                assertThat(binding.cseq()).isEqualTo(2);
            });

            assertThat(bindings.awaitWritten(Duration.ofSeconds(5))).isTrue();
            assertThat(table.active(db.nodeId(), aor, now)).isEqualTo(bindings.active(db.nodeId(), aor, now));

            bindings.apply(List.of(new BindingChange.Removed(db.nodeId(), aor, "sip:a@192.0.2.7")));
            assertThat(bindings.active(db.nodeId(), aor, now)).isEmpty();
            bindings.awaitWritten(Duration.ofSeconds(5));
            assertThat(table.active(db.nodeId(), aor, now)).isEmpty();
        }
    }

    @Test
    void anotherNodesBindingsAreReadFromTheDatabaseAndNeverWrittenHere() {
        AddressOfRecord aor = newAddress(db);
        UUID otherNode = NodeRow.node("other-" + UUID.randomUUID(), "127.0.0.9").insertInto(db.dataSource());
        Registration theirs = binding(otherNode, aor, "sip:theirs@192.0.2.9", 1);
        table.save(theirs);

        try (NodeBindings bindings = NodeBindings.load(table, db.nodeId(), now, NodeBindings.Settings.DEFAULT, () -> true)) {
            assertThat(bindings.active(otherNode, aor, now)).containsExactly(theirs);
            assertThat(bindings.active(db.nodeId(), aor, now)).as("not this node's").isEmpty();
            assertThatThrownBy(() -> bindings.apply(saved(binding(otherNode, aor, "sip:x@192.0.2.9", 2))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aRestartedNodeServesWhatItHadAndForgetsWhatExpired() {
        AddressOfRecord aor = newAddress(db);
        Registration kept = binding(db.nodeId(), aor, "sip:kept@192.0.2.7", 1);
        Registration brief = Registration.taken(db.nodeId(), aor, "sip:brief@192.0.2.7", null,
                new Flow("udp", "192.0.2.7", 5062), "call@phone", 1, null, now, Duration.ofSeconds(60));
        try (NodeBindings before = NodeBindings.load(table, db.nodeId(), now, NodeBindings.Settings.DEFAULT, () -> true)) {
            before.apply(List.of(new BindingChange.Saved(kept), new BindingChange.Saved(brief)));
        }

        Instant later = now.plusSeconds(61);
        try (NodeBindings after = NodeBindings.load(table, db.nodeId(), later, NodeBindings.Settings.DEFAULT, () -> true)) {
            assertThat(after.active(db.nodeId(), aor, later)).containsExactly(kept);

            after.deleteExpired(db.nodeId(), later, 1_000);
            assertThat(table.active(db.nodeId(), aor, now)).as("the expired row is gone from the table too")
                    .containsExactly(kept);
        }
    }

    @Test
    void whileTheDatabaseIsDownChangesAreServedAndWaitBoundedThenWrittenOnceItIsBack() {
        RegistrarDatabase own = RegistrarDatabase.start("outage-node");
        try {
            UUID node = own.nodeId();
            JdbcRegistrations ownTable = new JdbcRegistrations(own.dataSource());
            AddressOfRecord aor = newAddress(own);
            NodeBindings.Settings three = new NodeBindings.Settings(
                    new WriteBehind.Settings(Duration.ofMillis(5), 2, 3, Duration.ofSeconds(10)));
            try (NodeBindings bindings = NodeBindings.load(ownTable, node, now, three, () -> true)) {
                own.stopServer();
                for (String contact : List.of("sip:a@192.0.2.7", "sip:b@192.0.2.7", "sip:c@192.0.2.7")) {
                    bindings.apply(saved(binding(node, aor, contact, 1)));
                }
                assertThat(bindings.active(node, aor, now)).as("served from memory").hasSize(3);
                assertThat(bindings.awaitWritten(Duration.ofMillis(300))).isFalse();

                assertThatThrownBy(() -> bindings.apply(saved(binding(node, aor, "sip:d@192.0.2.7", 1))))
                        .isInstanceOf(NodeBindings.BindingsBacklogged.class);
                assertThat(bindings.active(node, aor, now)).as("the refused change changed nothing").hasSize(3);

                own.startServer();
                assertThat(bindings.awaitWritten(Duration.ofSeconds(20))).isTrue();
                assertThat(ownTable.active(node, aor, now)).extracting(Registration::contactUri)
                        .containsExactlyInAnyOrder("sip:a@192.0.2.7", "sip:b@192.0.2.7", "sip:c@192.0.2.7");
            }
        } finally {
            own.close();
        }
    }
}
