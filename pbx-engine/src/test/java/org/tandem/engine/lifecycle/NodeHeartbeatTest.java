package org.tandem.engine.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class NodeHeartbeatTest {

    @Test
    void thePortalIsWhereWildFlyBindsHttpUnlessTheOperatorSaysOtherwise() {
        assertThat(NodeHeartbeat.portalUrl(properties())).isEqualTo("http://127.0.0.1:8080/");
        assertThat(NodeHeartbeat.portalUrl(properties("jboss.bind.address", "127.0.0.3", "jboss.http.port", "8081",
                "jboss.socket.binding.port-offset", "100"))).isEqualTo("http://127.0.0.3:8181/");
        assertThat(NodeHeartbeat.portalUrl(properties("jboss.bind.address", "0.0.0.0", "tandem.cluster.address", "10.1.0.12")))
                .as("a wildcard address is no address to send people to").isEqualTo("http://10.1.0.12:8080/");
        assertThat(NodeHeartbeat.portalUrl(properties("jboss.bind.address", "::1"))).isEqualTo("http://[::1]:8080/");
        assertThat(NodeHeartbeat.portalUrl(properties("tandem.portal.url", "https://pbx2.operator.example/")))
                .isEqualTo("https://pbx2.operator.example/");
    }

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }
}
