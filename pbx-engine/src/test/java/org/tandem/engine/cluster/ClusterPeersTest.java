package org.tandem.engine.cluster;

import org.junit.jupiter.api.Test;
import org.tandem.domain.call.CallCounts;
import org.tandem.domain.node.NodeDirectory;
import org.tandem.domain.registration.RegistrationFeed;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterPeersTest {

    private static final RegistrationFeed NO_CHANGES = listener -> () -> { };

    private static ClusterPeers from(String... nameValues) {
        Properties properties = new Properties();
        for (int i = 0; i < nameValues.length; i += 2) {
            properties.setProperty(nameValues[i], nameValues[i + 1]);
        }
        return ClusterPeers.fromProperties(properties, NodeDirectory.NONE, CallCounts.NONE, NO_CHANGES);
    }

    @Test
    void withoutASecretANodeStandsAlone() {
        assertThat(from()).isSameAs(ClusterPeers.ALONE);
        assertThat(from(ClusterPeers.SECRET_PROPERTY, "  ")).isSameAs(ClusterPeers.ALONE);
    }

    @Test
    void theHandOverWindowIsFiveSecondsUnlessSet() {
        assertThat(from(ClusterPeers.SECRET_PROPERTY, "test-cluster-secret-of-32-bytes!").hop().orElseThrow().window())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(from(ClusterPeers.SECRET_PROPERTY, "test-cluster-secret-of-32-bytes!",
                ClusterPeers.HOP_WINDOW_PROPERTY, " 2 ").hop().orElseThrow().window()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aBadWindowOrReplayCapacityStopsTheNodeWithItsName() {
        assertThatThrownBy(() -> from(ClusterPeers.SECRET_PROPERTY, "test-cluster-secret-of-32-bytes!",
                ClusterPeers.HOP_WINDOW_PROPERTY, "five")).hasMessage(ClusterPeers.HOP_WINDOW_PROPERTY + " must be a positive whole number, not 'five'");
        assertThatThrownBy(() -> from(ClusterPeers.SECRET_PROPERTY, "test-cluster-secret-of-32-bytes!",
                ClusterPeers.HOP_WINDOW_PROPERTY, "0")).hasMessage(ClusterPeers.HOP_WINDOW_PROPERTY + " must be a positive whole number, not '0'");
        assertThatThrownBy(() -> from(ClusterPeers.SECRET_PROPERTY, "test-cluster-secret-of-32-bytes!",
                ClusterPeers.HOP_REPLAY_CAPACITY_PROPERTY, "-3"))
                .hasMessageContaining(ClusterPeers.HOP_REPLAY_CAPACITY_PROPERTY + " must be a positive whole number");
        assertThatThrownBy(() -> from(ClusterPeers.SECRET_PROPERTY, "test-cluster-secret-of-32-bytes!",
                ClusterPeers.HOP_REPLAY_CAPACITY_PROPERTY, "99999999999"))
                .hasMessageContaining(ClusterPeers.HOP_REPLAY_CAPACITY_PROPERTY + " must be a positive whole number");
    }
}
