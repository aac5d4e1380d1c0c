package org.tandem.storage.connection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a node's PostgreSQL is reached by its peers: host, port and database name, written
 * {@code host:port/name} (as in {@code ./tandem join 127.0.0.2:15432/tandem}).
 */
public record NodeDatabase(String host, int port, String name) {

    private static final Pattern WRITTEN = Pattern.compile("([A-Za-z0-9.\\-]+|\\[[0-9a-fA-F:]+\\]):([0-9]{1,5})/([A-Za-z0-9_]+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-:\\[\\]]{1,253}");

    public NodeDatabase {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("a database host must be a host name or IP address: " + host);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a database port must be between 1 and 65535: " + port);
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a database name must be letters, digits or underscores: " + name);
        }
    }

    /** Reads {@code host:port/name}. */
    public static NodeDatabase parse(String written) {
        Matcher matcher = WRITTEN.matcher(written == null ? "" : written.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a node's database is written host:port/name, like 127.0.0.2:15432/tandem, not "
                    + written);
        }
        return new NodeDatabase(matcher.group(1), Integer.parseInt(matcher.group(2)), matcher.group(3));
    }

    /** A JDBC URL with short timeouts: a peer that is down must not hold a join or a status read for long. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name + "?connectTimeout=3&socketTimeout=60";
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + name;
    }
}
