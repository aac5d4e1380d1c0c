package org.tandem.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.operator.Operator;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.embedded.EmbeddedDatabase;
import org.tandem.storage.schema.SchemaMigration;
import org.tandem.testsupport.database.Sql;
import org.tandem.testsupport.ports.FreePorts;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 18 for a test class: the same embedded server and migrations a node runs,
 * with the persistence unit bootstrapped by Hibernate outside the container.
 */
public final class TestDatabase implements AutoCloseable {

    /** The name of the node {@link #seedTenants} writes. */
    public static final String SEEDED_NODE = "node-a";

    private final EmbeddedDatabase database;
    private final EntityManagerFactory entityManagerFactory;

    private TestDatabase(EmbeddedDatabase database) {
        this.database = database;
        SchemaMigration.migrate(database.dataSource());
        this.entityManagerFactory = Persistence.createEntityManagerFactory("tandem", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.nonJtaDataSource", database.dataSource()));
    }

    /** The versions of the migrations shipped in {@code db/migration}, in the order Flyway applies them. */
    public static List<String> shippedMigrationVersions() {
        try (Stream<Path> files = Files.list(Path.of(TestDatabase.class.getResource("/db/migration").toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V[0-9]+__.+\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list db/migration", e);
        }
    }

    /** The schema version a fully migrated database has. */
    public static String latestMigrationVersion() {
        return shippedMigrationVersions().getLast();
    }

    public static TestDatabase startIn(Path folder) {
        return startOn(folder, "127.0.0.1", FreePorts.udpAndTcp());
    }

    /** A database listening on {@code host} (a loopback address of its own, for a cluster node) at {@code port}. */
    public static TestDatabase startOn(Path folder, String host, int port) {
        return new TestDatabase(EmbeddedDatabase.start(folder, host, port, "tandem", "tandem", "tandem"));
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    /** A new entity manager on the test database, for a test that runs its own transactions. */
    public EntityManager newEntityManager() {
        return entityManagerFactory.createEntityManager();
    }

    /**
     * Runs {@code sql} as logical replication's apply worker runs what it applies: as a superuser, with
     * session_replication_role = replica (only ALWAYS triggers fire) and an empty search_path.
     */
    public void executeAsReplicationApplies(String sql) throws SQLException {
        try (Connection superuser = database.superuserDataSource().getConnection();
             Statement statement = superuser.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute("set search_path = ''");
            statement.execute(sql);
        }
    }

    /**
     * Seeds the smallest setting a tenant lives in (an operator, a reseller, a node {@link #SEEDED_NODE}
     * and its pool) and one active tenant of {@code domain} there; once per database.
     */
    public Tenant seedTenant(SipDomain domain) {
        return seedTenants(domain).getFirst();
    }

    /** Same, with an active tenant of each of {@code domains}, all of one reseller in one pool. */
    public List<Tenant> seedTenants(SipDomain... domains) {
        return fetch(entityManager -> {
            Reseller reseller = persistReseller(entityManager);
            Node node = new Node(SEEDED_NODE, new NetworkAddress("127.0.0.1", 5060), "127.0.0.1");
            entityManager.persist(node);
            Pool pool = Pool.ofOneNode("pool-a", node);
            entityManager.persist(pool);
            List<Tenant> tenants = new ArrayList<>();
            for (SipDomain domain : domains) {
                Tenant tenant = new Tenant(reseller.id(), pool.id(), "Company of " + domain, domain, new PlanLimits(10, 5, 2));
                entityManager.persist(tenant);
                tenants.add(tenant);
            }
            return tenants;
        });
    }

    /** Persists an operator and a reseller of it, whom tenants belong to; returns the reseller. */
    public static Reseller persistReseller(EntityManager entityManager) {
        Operator operator = new Operator("Operator");
        entityManager.persist(operator);
        Reseller reseller = new Reseller(operator.id(), "Reseller");
        entityManager.persist(reseller);
        return reseller;
    }

    /** The id of the node {@link #seedTenants} wrote. */
    public UUID seededNodeId() {
        return UUID.fromString(strings("select id::text from node where name = '" + SEEDED_NODE + "'").getFirst());
    }

    /** The first column of what {@code query} gives, as strings. */
    public List<String> strings(String query) {
        return Sql.strings(dataSource(), query);
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
