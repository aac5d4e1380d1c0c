package org.tandem.storage.lifecycle;

import org.postgresql.Driver;
import org.tandem.domain.node.NetworkAddress;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a node finds its database, read from system properties (the launcher maps the TANDEM_*
 * environment variables onto them; docs/operations.md lists them). With no {@code tandem.db.url}
 * the node starts its own embedded PostgreSQL at the default URL: one setting switches to an
 * external server, multi-host URLs included.
 */
public record StorageSettings(String url, String user, String password, boolean embedded, Path dataDirectory,
                              boolean demo, ThisNode thisNode) {

    /** Also the default of the WildFly datasource (ear/src/main/wildfly/datasource.cli). */
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:15432/tandem";

    private static final Pattern SINGLE_HOST_URL =
            Pattern.compile("jdbc:postgresql://([^:/,?]+):([0-9]{1,5})/([A-Za-z0-9_]+)(\\?.*)?");

    public static StorageSettings from(Properties properties) {
        Optional<String> configuredUrl = Optional.ofNullable(properties.getProperty("tandem.db.url"));
        boolean embedded = Boolean.parseBoolean(
                properties.getProperty("tandem.db.embedded", String.valueOf(configuredUrl.isEmpty())));
        Path dataDirectory = Path.of(properties.getProperty("tandem.data.dir",
                properties.getProperty("jboss.server.data.dir", "var") + "/tandem"));
        String sipHost = properties.getProperty("tandem.sip.address", "127.0.0.1");
        ThisNode thisNode = new ThisNode(properties.getProperty("tandem.node.name", "node1"),
                new NetworkAddress(sipHost, Integer.parseInt(properties.getProperty("tandem.sip.port", "5060"))),
                properties.getProperty("tandem.cluster.address", sipHost));
        return new StorageSettings(configuredUrl.orElse(DEFAULT_URL),
                properties.getProperty("tandem.db.user", "tandem"),
                properties.getProperty("tandem.db.password", "tandem"),
                embedded, dataDirectory,
                Boolean.parseBoolean(properties.getProperty("tandem.demo", String.valueOf(embedded))),
                thisNode);
    }

    /**
     * A connection of its own to the node's database, outside the server's pool: for a session
     * that must stay open (LISTEN). Made by the driver this module brings, whatever the server's
     * datasource uses.
     */
    public Connection openConnection() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        Connection connection = new Driver().connect(url, login);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return connection;
    }

    /** Where the embedded PostgreSQL must listen so that the datasource URL reaches it. */
    public EmbeddedTarget embeddedTarget() {
        Matcher matcher = SINGLE_HOST_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("an embedded database needs a single-host URL like " + DEFAULT_URL
                    + ", not " + url);
        }
        return new EmbeddedTarget(matcher.group(1), Integer.parseInt(matcher.group(2)), matcher.group(3));
    }

    public record EmbeddedTarget(String host, int port, String database) {
    }
}
