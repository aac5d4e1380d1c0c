package org.tandem.router;

import org.junit.jupiter.api.Test;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.pool.Pool;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HomeNodeTest {

    private final Node a = new Node("node-a", new NetworkAddress("127.0.0.2", 5060), "127.0.0.2");
    private final Node b = new Node("node-b", new NetworkAddress("127.0.0.3", 5060), "127.0.0.3");
    private final Pool pool = new Pool("pool-ab", a, b);

    @Test
    void thePrimaryWritesWhileItIsUp() {
        assertThat(HomeNode.of(pool, Set.of(a.id(), b.id())::contains)).contains(a.id());
    }

    @Test
    void theSecondaryTakesOverWhileThePrimaryIsDown() {
        assertThat(HomeNode.of(pool, Set.of(b.id())::contains)).contains(b.id());
    }

    @Test
    void nobodyWritesWhenBothAreDown() {
        assertThat(HomeNode.of(pool, Set.<UUID>of()::contains)).isEmpty();
        assertThat(HomeNode.of(Pool.ofOneNode("solo", a), Set.of(b.id())::contains)).isEmpty();
    }
}
