package org.tandem.storage.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * Brings a database to the schema this build expects, with the versioned SQL migrations under
 * {@code db/migration}. Every node runs it at start-up against its own PostgreSQL; a migration
 * already applied is never run twice, and an edited one stops the start (Flyway's checksum).
 */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    /** @return the schema version the database is at afterwards */
    public static String migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }
}
