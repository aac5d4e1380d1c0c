package org.tandem.cluster.replication;

import org.junit.jupiter.api.Test;
import org.tandem.domain.node.ReplicationHealth.Holding;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseReplicationHealthTest {

    @Test
    void aSlotsWalStatusIsToldInTheDomainsWords() {
        assertThat(DatabaseReplicationHealth.holding("reserved")).isEqualTo(Holding.WITHIN_LIMIT);
        assertThat(DatabaseReplicationHealth.holding("extended")).isEqualTo(Holding.OVER_LIMIT);
        assertThat(DatabaseReplicationHealth.holding("unreserved")).isEqualTo(Holding.AT_RISK);
        assertThat(DatabaseReplicationHealth.holding("lost")).isEqualTo(Holding.LOST);
    }

    @Test
    void aStatusThisCodeDoesNotKnowIsAtRiskRatherThanSafe() {
        assertThat(DatabaseReplicationHealth.holding("something newer")).isEqualTo(Holding.AT_RISK);
        assertThat(DatabaseReplicationHealth.holding(null)).isEqualTo(Holding.AT_RISK);
    }
}
