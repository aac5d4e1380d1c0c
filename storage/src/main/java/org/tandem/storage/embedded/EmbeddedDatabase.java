package org.tandem.storage.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.tandem.storage.connection.ReplicationLogin;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL 18 a node runs for itself when no external database is configured: the default
 * run and the tests. Its data folder survives restarts, so a node keeps everything between runs.
 * It is configured as a replication peer from the start (logical WAL, the replication login, the
 * access rules for peers), since a lone node may later join a cluster.
 * <p>
 * Every role logs in with a password, from anywhere, the local socket included: the superuser's is
 * generated at the first start and kept in {@value #SUPERUSER_PASSWORD_FILE} in the data folder,
 * readable by its owner only (a superuser may run programs as the server's user, so trusting every
 * local user would hand them that account). A data folder from before, which trusted local
 * logins, gets its password and access rules at its next start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration STALE_SERVER_STOP_WAIT = Duration.ofSeconds(15);
    /** The superuser's password, in the PostgreSQL data folder, mode 0600. */
    public static final String SUPERUSER_PASSWORD_FILE = "tandem-superuser.password";
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String database;
    private final String user;
    private final String password;
    private final String superuserPassword;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String database, String user, String password,
                             String superuserPassword) {
        this.postgres = postgres;
        this.database = database;
        this.user = user;
        this.password = password;
        this.superuserPassword = superuserPassword;
    }

    /**
     * Starts PostgreSQL on {@code host:port} over {@code dataDirectory} (creating the cluster on
     * first use), then makes sure {@code database} exists, owned by {@code user}; peers may
     * replicate from loopback addresses with {@code password}.
     */
    public static EmbeddedDatabase start(Path dataDirectory, String host, int port,
                                         String database, String user, String password) {
        return start(dataDirectory, host, port, database, user, password,
                new ReplicationLogin(password, ReplicationLogin.LOOPBACK_NETWORK));
    }

    /**
     * As {@link #start(Path, String, int, String, String, String)}, with the login peers replicate
     * with and the network they connect from.
     */
    public static EmbeddedDatabase start(Path dataDirectory, String host, int port,
                                         String database, String user, String password, ReplicationLogin replication) {
        try {
            Files.createDirectories(dataDirectory);
            stopServerLeftRunning(dataDirectory);
            Path passwordFile = dataDirectory.resolve(SUPERUSER_PASSWORD_FILE);
            // zonky runs initdb when this file is missing
            boolean created = !Files.exists(dataDirectory.resolve("postgresql.conf"));
            String superuserPassword = Files.exists(passwordFile) ? Files.readString(passwordFile).strip()
                    : newPassword();
            // initdb wants an empty folder: its password file waits beside it, and moves in once the cluster exists
            Path initdbPasswordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".initdb-password");
            if (created) {
                writeOwnerOnly(initdbPasswordFile, superuserPassword);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // zonky passes these to initdb after its own "-A trust", so they win: a new cluster
                    // never trusts anyone, not even while it is being set up
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", initdbPasswordFile.toAbsolutePath().toString())
                    .setDataDirectoryCustomizer(folder -> keepPassword(initdbPasswordFile, passwordFile))
                    .setConnectConfig("password", superuserPassword)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    // Stopped by its owner (close()), never by zonky's JVM shutdown hook: that hook runs at
                    // the same time as WildFly's orderly stop and would take the database away while the
                    // SIP engine still writes its last bindings and call records. A server left behind by
                    // a JVM that died is stopped at the next start (stopServerLeftRunning).
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", listenAddresses(host))
                    // zonky starts PostgreSQL with fsync off; a node's data must survive a crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "16")
                    .setServerConfig("max_wal_senders", "16")
                    // a dead peer's replication slot must not keep WAL until the disk is full
                    .setServerConfig("max_slot_wal_keep_size", "4GB")
                    // one apply worker per peer, and table copies while a node joins
                    .setServerConfig("max_logical_replication_workers", "16")
                    .setServerConfig("max_worker_processes", "24")
                    // a peer that comes back is reconnected within a second, not five
                    .setServerConfig("wal_retrieve_retry_interval", "1s")
                    // subscribers confirm what they applied every second: lag and retained WAL read true
                    .setServerConfig("wal_receiver_status_interval", "1s")
                    // PostgreSQL 18 counts a row changed on two nodes (update_origin_differs) only with commit times
                    .setServerConfig("track_commit_timestamp", "on")
                    .start();
            Files.deleteIfExists(initdbPasswordFile);
            EmbeddedDatabase embedded = new EmbeddedDatabase(postgres, database, user, password, superuserPassword);
            if (!Files.exists(passwordFile)) {
                embedded.setSuperuserPasswordOfTrustingFolder(passwordFile);
            }
            embedded.createDatabaseIfMissing();
            embedded.prepareForReplication(replication);
            embedded.writeAccessRules(dataDirectory.resolve("pg_hba.conf"), replication);
            LOG.log(Level.INFO, "Embedded PostgreSQL serves {0} on {1}:{2,number,#} from {3}",
                    database, host, port, dataDirectory);
            return embedded;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A node killed without a clean stop leaves its PostgreSQL running on the data folder, and a
     * second server cannot start there. That server has no clients left: stop it.
     */
    private static void stopServerLeftRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.getFirst().strip()));
        if (server.isPresent() && server.get().isAlive()) {
            LOG.log(Level.WARNING, "A PostgreSQL left running by an earlier run holds {0}: stopping it (pid {1,number,#})",
                    dataDirectory, server.get().pid());
            server.get().destroy();
            try {
                server.get().onExit().get(STALE_SERVER_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("the PostgreSQL left running on " + dataDirectory + " did not stop", e);
            }
        }
    }

    private static String newPassword() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content + "\n");
    }

    /** Called by zonky after initdb, at every start. */
    private static void keepPassword(Path initdbPasswordFile, Path passwordFile) {
        if (!Files.exists(initdbPasswordFile)) {
            return;
        }
        try {
            Files.move(initdbPasswordFile, passwordFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the superuser's password in " + passwordFile, e);
        }
    }

    /**
     * A data folder made before the superuser had a password still trusts local logins (this start
     * got in that way): gives the superuser its password, kept first in the file, so that the
     * access rules written next let it in again.
     */
    private void setSuperuserPasswordOfTrustingFolder(Path passwordFile) throws IOException {
        LOG.log(Level.WARNING, "The embedded PostgreSQL in {0} trusted local logins: setting a password for every"
                + " role (the superuser''s is kept in {1})", passwordFile.getParent(), passwordFile);
        writeOwnerOnly(passwordFile, superuserPassword);
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(superuserPassword));
        } catch (SQLException e) {
            Files.delete(passwordFile);
            throw new IllegalStateException("could not set the embedded PostgreSQL superuser's password", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement()) {
            // set at every start, so a changed TANDEM_DB_PASSWORD takes effect with a restart
            String verb = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", user) ? "ALTER" : "CREATE";
            statement.execute(verb + " ROLE " + quoted(user) + " LOGIN REPLICATION PASSWORD " + literal(password));
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                statement.execute("CREATE DATABASE " + quoted(database) + " OWNER " + quoted(user));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " in the embedded PostgreSQL", e);
        }
    }

    /**
     * zonky checks that the server is up by connecting to 127.0.0.1, so a node on another loopback
     * address listens there too; on one machine each node's database therefore needs its own port.
     */
    private static String listenAddresses(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") ? host : "127.0.0.1," + host;
    }

    /**
     * The node's own login may set up publications and subscriptions and read replication progress
     * and statistics; peers log in as {@link ReplicationLogin#ROLE}, with a password, to replicate.
     * Done at every start, so a changed replication password takes effect with a restart.
     */
    private void prepareForReplication(ReplicationLogin replication) {
        try (Connection admin = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("GRANT pg_create_subscription, pg_read_all_stats TO " + quoted(user));
            // both are per database and closed to non-superusers: replication progress, for a consistent join
            statement.execute("GRANT SELECT ON pg_replication_origin_status TO " + quoted(user));
            statement.execute("GRANT EXECUTE ON FUNCTION pg_show_replication_origin_status() TO " + quoted(user));
            String role = ReplicationLogin.ROLE;
            String verb = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role) ? "ALTER" : "CREATE";
            statement.execute(verb + " ROLE " + role + " LOGIN REPLICATION PASSWORD " + literal(replication.password()));
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL for replication", e);
        }
    }

    /**
     * Rewrites pg_hba.conf: the replication login needs its password from the peers' network and is
     * refused from anywhere else; this node's login also needs its password from a peer (a joining
     * node sets up subscriptions on its peers); every role needs its password locally too, on the
     * socket as on loopback. PostgreSQL reads the file again at once.
     */
    private void writeAccessRules(Path hbaFile, ReplicationLogin replication) throws IOException {
        String network = replication.peerNetwork();
        String rules = String.join("\n",
                "# Written by Tandem (EmbeddedDatabase) at every start: edits here are lost.",
                "# TYPE  DATABASE  USER  ADDRESS  METHOD",
                "host  " + database + "  " + ReplicationLogin.ROLE + "  " + network + "  scram-sha-256",
                "host  all  " + ReplicationLogin.ROLE + "  all  reject",
                "local  all  all  scram-sha-256",
                "local  replication  all  scram-sha-256",
                "host  all  all  127.0.0.1/32  scram-sha-256",
                "host  all  all  ::1/128  scram-sha-256",
                "host  " + database + "  " + user + "  " + network + "  scram-sha-256",
                "");
        Files.writeString(hbaFile, rules);
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
             Statement statement = admin.createStatement();
             ResultSet loaded = statement.executeQuery("SELECT pg_reload_conf()")) {
            loaded.next();
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the embedded PostgreSQL's access rules", e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The application database, as its owner. */
    public DataSource dataSource() {
        return login(user, password);
    }

    /** The application database, as the server's superuser: for what the application's login may not do. */
    public DataSource superuserDataSource() {
        return login(SUPERUSER, superuserPassword);
    }

    private DataSource login(String role, String secret) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {postgres.getPort()});
        source.setDatabaseName(database);
        source.setUser(role);
        source.setPassword(secret);
        return source;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }
}
