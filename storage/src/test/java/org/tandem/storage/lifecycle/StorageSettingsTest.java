package org.tandem.storage.lifecycle;

import org.junit.jupiter.api.Test;

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
        assertThat(settings.embeddedTarget()).isEqualTo(new StorageSettings.EmbeddedTarget("127.0.0.1", 15432, "tandem"));
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
        assertThat(settings.embeddedTarget()).isEqualTo(new StorageSettings.EmbeddedTarget("127.0.0.5", 25432, "pbx"));
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/node-a"));
        assertThat(settings.thisNode().sipAddress().host()).isEqualTo("127.0.0.5");
        assertThat(settings.thisNode().clusterHost()).isEqualTo("127.0.0.5");
    }
}
