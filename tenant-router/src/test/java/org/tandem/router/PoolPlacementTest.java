package org.tandem.router;

import org.junit.jupiter.api.Test;
import org.tandem.router.PoolPlacement.PoolLoad;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PoolPlacementTest {

    @Test
    void picksThePoolWithTheFewestExtensionsThenTenantsThenByName() {
        PoolLoad busy = new PoolLoad(UUID.randomUUID(), "a-busy", 3, 300);
        PoolLoad quietManyTenants = new PoolLoad(UUID.randomUUID(), "b-quiet", 9, 40);
        PoolLoad quietFewTenants = new PoolLoad(UUID.randomUUID(), "c-quiet", 2, 40);
        PoolLoad quietFewTenantsLaterName = new PoolLoad(UUID.randomUUID(), "d-quiet", 2, 40);

        assertThat(PoolPlacement.leastLoaded(List.of(busy, quietManyTenants, quietFewTenantsLaterName, quietFewTenants)))
                .contains(quietFewTenants);
    }

    @Test
    void noPoolNoPlace() {
        assertThat(PoolPlacement.leastLoaded(List.of())).isEmpty();
    }
}
