package org.tandem.storage.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.storage.TestDatabase;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcNodesTest {

    @TempDir
    Path folder;

    @Test
    void everyNodesSipAddressByItsIdAndOneByItsId() {
        Node a = new Node("node-a", new NetworkAddress("127.0.0.2", 5060), "127.0.0.2");
        Node b = new Node("node-b", new NetworkAddress("sip-b.example.net", 5070), "127.0.0.3");
        try (TestDatabase database = TestDatabase.startIn(folder)) {
            database.inTransaction(entityManager -> {
                entityManager.persist(a);
                entityManager.persist(b);
            });
            JdbcNodes nodes = new JdbcNodes(database.dataSource());

            assertThat(nodes.sipAddresses()).isEqualTo(Map.of(
                    a.id(), new NetworkAddress("127.0.0.2", 5060),
                    b.id(), new NetworkAddress("sip-b.example.net", 5070)));
            assertThat(nodes.sipAddressOf(b.id())).contains(new NetworkAddress("sip-b.example.net", 5070));
            assertThat(nodes.sipAddressOf(UUID.randomUUID())).isEmpty();
        }
    }
}
