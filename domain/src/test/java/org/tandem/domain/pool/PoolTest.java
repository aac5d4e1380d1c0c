package org.tandem.domain.pool;

import org.junit.jupiter.api.Test;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolTest {

    private final Node a = new Node("node-a", new NetworkAddress("127.0.0.2", 5060), "127.0.0.2");
    private final Node b = new Node("node-b", new NetworkAddress("127.0.0.3", 5060), "127.0.0.3");

    @Test
    void listsPrimaryBeforeSecondary() {
        assertThat(new Pool("pool-1", a, b).nodesInOrder()).containsExactly(a.id(), b.id());
        assertThat(Pool.ofOneNode("solo", a).nodesInOrder()).containsExactly(a.id());
    }

    @Test
    void aNodeCannotBackItself() {
        assertThatThrownBy(() -> new Pool("pool-1", a, a)).hasMessageContaining("must differ");
    }

    @Test
    void nodeNamesAndAddressesAreChecked() {
        assertThatThrownBy(() -> new Node("Node_A", new NetworkAddress("127.0.0.2", 5060), "127.0.0.2"))
                .hasMessageContaining("node name");
        assertThatThrownBy(() -> new NetworkAddress("127.0.0.2", 70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> new NetworkAddress("host name", 5060)).hasMessageContaining("host name or IP");
    }
}
