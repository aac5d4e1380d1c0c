package org.tandem.storage.embedded;

import org.tandem.testsupport.ports.FreePorts;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL lets no role in without its password, the superuser included, over TCP
 * and over its local socket (real pgJDBC and psql).
 */
@Timeout(120)
class EmbeddedDatabasePasswordTest {

    @TempDir
    Path folder;

    @Test
    void everyRoleNeedsItsPasswordAndTheSuperusersIsKeptOwnerOnlyAndReusedAtTheNextStart() throws Exception {
        Path data = folder.resolve("postgres");
        int port = FreePorts.udpAndTcp();
        String kept;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, "127.0.0.1", port, "tandem", "tandem", "app-secret")) {
            Path passwordFile = data.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            kept = Files.readString(passwordFile).strip();
            assertThat(kept).hasSizeGreaterThanOrEqualTo(32);
            assertThat(Files.list(folder).map(path -> path.getFileName().toString())).containsExactly("postgres");

            assertRefused(port, "postgres", null);
            assertRefused(port, "postgres", "wrong");
            assertRefused(port, "tandem", null);
            assertRefused(port, "tandem", "tandem");
            assertThat(superuserAnswers(port, kept)).isTrue();
            try (Connection app = database.dataSource().getConnection()) {
                assertThat(app.isValid(2)).isTrue();
            }
            assertPsqlRefused(data, port, "postgres", "wrong");
            assertPsqlRefused(data, port, "tandem", "");
            assertThat(psql(data, port, "postgres", kept)).isZero();
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data, "127.0.0.1", port, "tandem", "tandem", "app-secret")) {
            assertThat(Files.readString(data.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)).strip()).isEqualTo(kept);
            assertThat(superuserAnswers(port, kept)).isTrue();
            assertRefused(port, "postgres", null);
        }
    }

    @Test
    void aDataFolderThatTrustedLocalLoginsGetsPasswordsAtItsNextStart() throws Exception {
        Path data = folder.resolve("postgres");
        int port = FreePorts.udpAndTcp();
        // a data folder as the embedded database made them before: zonky's initdb, which trusts everyone locally
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(port).setRegisterShutdownHook(false).start();
             Connection superuser = DriverManager.getConnection(before.getJdbcUrl("postgres", "postgres"))) {
            superuser.createStatement().execute("CREATE ROLE tandem LOGIN PASSWORD 'tandem'");
            superuser.createStatement().execute("CREATE DATABASE tandem OWNER tandem");
        }
        assertThat(data.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE)).doesNotExist();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, "127.0.0.1", port, "tandem", "tandem", "app-secret")) {
            Path passwordFile = data.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertRefused(port, "postgres", null);
            assertRefused(port, "tandem", "tandem");
            assertPsqlRefused(data, port, "postgres", "");
            assertThat(superuserAnswers(port, Files.readString(passwordFile).strip())).isTrue();
            try (Connection app = database.dataSource().getConnection()) {
                assertThat(app.isValid(2)).isTrue();
            }
        }
    }

    private static void assertRefused(int port, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url(port), user, password).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
    }

    private static boolean superuserAnswers(int port, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(port), "postgres", password);
             ResultSet row = connection.createStatement().executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/tandem";
    }

    /** psql on the server's local socket (the data folder's socket directory, zonky's default /tmp otherwise). */
    private static void assertPsqlRefused(Path data, int port, String user, String password) throws Exception {
        assertThat(psql(data, port, user, password)).as("psql as %s with password '%s'", user, password).isNotZero();
    }

    private static int psql(Path data, int port, String user, String password) throws Exception {
        ProcessBuilder command = new ProcessBuilder(List.of("psql", "-w", "-h", socketDirectory(data), "-p",
                Integer.toString(port), "-U", user, "-d", "tandem", "-c", "select 1"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        command.environment().remove("PGPASSWORD");
        if (!password.isEmpty()) {
            command.environment().put("PGPASSWORD", password);
        }
        Process process = command.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static String socketDirectory(Path data) throws Exception {
        // postmaster.pid's fifth line is the socket directory the server listens in
        return Files.readAllLines(data.resolve("postmaster.pid")).get(4).strip();
    }
}
