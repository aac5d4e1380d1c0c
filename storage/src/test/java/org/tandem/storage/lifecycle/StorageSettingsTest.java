package org.tandem.storage.lifecycle;

import org.junit.jupiter.api.Test;
import org.tandem.storage.connection.NodeDatabase;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageSettingsTest {

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void withNothingSetTheNodeRunsItsOwnDatabaseWithTheDemo() {
        StorageSettings settings = StorageSettings.from(properties("jboss.server.data.dir", "/srv/wildfly/data"));

        assertThat(settings.embedded()).isTrue();
        assertThat(settings.demo()).isTrue();
        assertThat(settings.url()).isEqualTo(StorageSettings.DEFAULT_URL);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/srv/wildfly/data/tandem"));
        assertThat(settings.embeddedTarget()).isEqualTo(new NodeDatabase("127.0.0.1", 15432, "tandem"));
        assertThat(settings.thisNode().name()).isEqualTo("node1");
    }

    @Test
    void oneSettingSwitchesToAnExternalServerAndTheDemoOff() {
        StorageSettings settings = StorageSettings.from(properties(
                "tandem.db.url", "jdbc:postgresql://10.1.0.5:5432,10.1.0.6:5432/tandem?targetServerType=any&connectTimeout=2"));

        assertThat(settings.embedded()).isFalse();
        assertThat(settings.demo()).isFalse();
        assertThatThrownBy(settings::embeddedTarget)
                .hasMessageContaining("an embedded database needs a single-host URL");
    }

    @Test
    void theEmbeddedServerListensWhereTheConfiguredUrlPoints() {
        StorageSettings settings = StorageSettings.from(properties(
                "tandem.db.url", "jdbc:postgresql://127.0.0.5:25432/pbx?connectTimeout=2",
                "tandem.db.embedded", "true",
                "tandem.data.dir", "/tmp/node-a",
                "tandem.node.name", "node-a",
                "tandem.sip.address", "127.0.0.5"));

        assertThat(settings.embedded()).isTrue();
        assertThat(settings.embeddedTarget()).isEqualTo(new NodeDatabase("127.0.0.5", 25432, "pbx"));
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/node-a"));
        assertThat(settings.thisNode().sipAddress().host()).isEqualTo("127.0.0.5");
        assertThat(settings.thisNode().clusterHost()).isEqualTo("127.0.0.5");
    }

    @Test
    void aNodeToldToJoinTakesNoDemoAndTellsPeersWhereItsDatabaseIs() {
        StorageSettings settings = StorageSettings.from(properties(
                "tandem.db.url", "jdbc:postgresql://127.0.0.3:15433/tandem",
                "tandem.db.embedded", "true",
                "tandem.db.password", "db-secret",
                "tandem.cluster.join", "127.0.0.2:15432/tandem"));

        assertThat(settings.joinSeed()).contains(new NodeDatabase("127.0.0.2", 15432, "tandem"));
        assertThat(settings.databaseForPeers()).contains(new NodeDatabase("127.0.0.3", 15433, "tandem"));
        assertThat(settings.demo()).as("a joining node gets its data from the cluster").isFalse();
        assertThat(settings.replication().password()).as("defaults to the database password").isEqualTo("db-secret");
        assertThat(settings.replication().peerNetwork()).isEqualTo("127.0.0.0/8");
    }

    @Test
    void aMultiHostUrlLeavesReplicationToTheOperatorUnlessTheNodesOwnDatabaseIsNamed() {
        String url = "jdbc:postgresql://10.1.0.5:5432,10.1.0.6:5432/tandem?targetServerType=any";
        assertThat(StorageSettings.from(properties("tandem.db.url", url)).databaseForPeers()).isEmpty();
        assertThat(StorageSettings.from(properties("tandem.db.url", url, "tandem.cluster.db.address", "10.1.0.5:5432/tandem"))
                .databaseForPeers()).contains(new NodeDatabase("10.1.0.5", 5432, "tandem"));
    }

    @Test
    void badClusterSettingsAreRefusedWithTheirExpectedForm() {
        assertThatThrownBy(() -> StorageSettings.from(properties("tandem.cluster.join", "127.0.0.2")))
                .hasMessageContaining("host:port/name, like 127.0.0.2:15432/tandem");
        assertThatThrownBy(() -> StorageSettings.from(properties("tandem.replication.network", "everyone")))
                .hasMessageContaining("like 10.1.0.0/24");
        assertThatThrownBy(() -> StorageSettings.from(properties("tandem.replication.password", " ")))
                .hasMessageContaining("must not be empty");
    }
}
