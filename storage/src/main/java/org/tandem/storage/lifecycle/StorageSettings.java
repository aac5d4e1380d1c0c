package org.tandem.storage.lifecycle;

import org.postgresql.Driver;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.storage.connection.DatabaseLogin;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.connection.ReplicationLogin;

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
 * <p>
 * Cluster settings: {@code tandem.replication.password} (default: the database password) and
 * {@code tandem.replication.network} (default 127.0.0.0/8) for the login peers replicate with;
 * {@code tandem.cluster.join} ({@code host:port/name} of a member's database) to join a cluster at
 * start; {@code tandem.cluster.db.address} where peers reach this node's database (default: the
 * single-host URL's, none for a multi-host URL).
 */
public record StorageSettings(String url, String user, String password, boolean embedded, Path dataDirectory,
                              boolean demo, ThisNode thisNode, ReplicationLogin replication,
                              Optional<NodeDatabase> joinSeed, Optional<NodeDatabase> databaseForPeers) {

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
        String url = configuredUrl.orElse(DEFAULT_URL);
        String password = properties.getProperty("tandem.db.password", "tandem");
        Optional<NodeDatabase> joinSeed = Optional.ofNullable(properties.getProperty("tandem.cluster.join"))
                .filter(seed -> !seed.isBlank()).map(NodeDatabase::parse);
        Optional<NodeDatabase> forPeers = Optional.ofNullable(properties.getProperty("tandem.cluster.db.address"))
                .map(NodeDatabase::parse).or(() -> singleHost(url));
        // a joining node gets its data from the cluster: seeding the demo would make it refuse to join
        boolean demoByDefault = embedded && joinSeed.isEmpty();
        return new StorageSettings(url,
                properties.getProperty("tandem.db.user", "tandem"),
                password,
                embedded, dataDirectory,
                Boolean.parseBoolean(properties.getProperty("tandem.demo", String.valueOf(demoByDefault))),
                thisNode,
                new ReplicationLogin(properties.getProperty("tandem.replication.password", password),
                        properties.getProperty("tandem.replication.network", ReplicationLogin.LOOPBACK_NETWORK)),
                joinSeed, forPeers);
    }

    /** The login Tandem manages replication with, on this node and on its peers. */
    public DatabaseLogin login() {
        return new DatabaseLogin(user, password);
    }

    private static Optional<NodeDatabase> singleHost(String url) {
        Matcher matcher = SINGLE_HOST_URL.matcher(url);
        return matcher.matches()
                ? Optional.of(new NodeDatabase(matcher.group(1), Integer.parseInt(matcher.group(2)), matcher.group(3)))
                : Optional.empty();
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
    public NodeDatabase embeddedTarget() {
        return singleHost(url).orElseThrow(() -> new IllegalArgumentException(
                "an embedded database needs a single-host URL like " + DEFAULT_URL + ", not " + url));
    }
}
