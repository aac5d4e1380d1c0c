package org.tandem.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.schema.SchemaMigration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A real PostgreSQL 18 for a test class: the same embedded server and migrations a node runs,
 * with the persistence unit bootstrapped by Hibernate outside the container.
 */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedDatabase database;
    private final EntityManagerFactory entityManagerFactory;

    private TestDatabase(EmbeddedDatabase database) {
        this.database = database;
        SchemaMigration.migrate(database.dataSource());
        this.entityManagerFactory = Persistence.createEntityManagerFactory("tandem", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.nonJtaDataSource", database.dataSource()));
    }

    public static TestDatabase startIn(Path folder) {
        return startOn(folder, "127.0.0.1", freePort());
    }

    /** A database listening on {@code host} (a loopback address of its own, for a cluster node) at {@code port}. */
    public static TestDatabase startOn(Path folder, String host, int port) {
        return new TestDatabase(EmbeddedDatabase.start(folder, host, port, "tandem", "tandem", "tandem"));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /** The first column of what {@code query} gives, as strings. */
    public List<String> strings(String query) {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    public void inTransaction(Consumer<EntityManager> work) {
        fetch(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }

    public <T> T fetch(Function<EntityManager, T> work) {
        try (EntityManager entityManager = entityManagerFactory.createEntityManager()) {
            entityManager.getTransaction().begin();
            try {
                T result = work.apply(entityManager);
                entityManager.getTransaction().commit();
                return result;
            } finally {
                if (entityManager.getTransaction().isActive()) {
                    entityManager.getTransaction().rollback();
                }
            }
        }
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        database.close();
    }
}
