package org.tandem.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.schema.SchemaMigration;
import org.tandem.testsupport.ports.FreePorts;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external database is reached through a plain JDBC URL, multi-host ones included: with the
 * first server down, a node connects to the next and migrates it like any other.
 */
class MultiHostUrlTest {

    @TempDir
    Path folder;

    @Test
    void aNodeGoesOnWithTheNextServerWhenTheFirstIsDown() throws SQLException {
        int live = FreePorts.udpAndTcp();
        int dead = FreePorts.udpAndTcp();
        try (EmbeddedDatabase server = EmbeddedDatabase.start(folder, "127.0.0.1", live, "tandem", "tandem", "tandem")) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + dead + ",127.0.0.1:" + live
                    + "/tandem?targetServerType=any&connectTimeout=2&socketTimeout=30");
            dataSource.setUser("tandem");
            dataSource.setPassword("tandem");

            assertThat(SchemaMigration.migrate(dataSource)).isEqualTo(TestDatabase.latestMigrationVersion());
            try (Connection connection = dataSource.getConnection();
                 ResultSet port = connection.createStatement().executeQuery("show port")) {
                port.next();
                assertThat(port.getInt(1)).isEqualTo(server.port());
            }
        }
    }
}
