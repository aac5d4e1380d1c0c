package org.tandem.router.dns;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * How a node keeps DNS in step with the cluster, from system properties ({@code ./tandem} maps
 * {@code TANDEM_DNS_SERVER} to {@code tandem.dns.server}, and so on; docs/operations.md lists them).
 * Nothing is published unless {@code tandem.dns.server} (RFC 2136 updates) or
 * {@code tandem.dns.export.file} (a zone file for a DNS elsewhere) is set.
 *
 * @param zone       the zone Tandem's records go into
 * @param ttlSeconds TTL of every record: how long a resolver may keep an old answer after a change
 * @param interval   how often the node compares DNS with the cluster and corrects it
 * @param server     the zone's primary server and the key to sign updates with, when publishing by update
 * @param exportFile where to write the records as master-file text, when exporting
 */
public record DnsSettings(ZoneNames zone, long ttlSeconds, Duration interval, Optional<Server> server,
                          Optional<Path> exportFile) {

    public static final String SERVER = "tandem.dns.server";
    public static final String PORT = "tandem.dns.port";
    public static final String ZONE = "tandem.dns.zone";
    public static final String KEY_NAME = "tandem.dns.key.name";
    public static final String KEY_SECRET = "tandem.dns.key.secret";
    public static final String KEY_ALGORITHM = "tandem.dns.key.algorithm";
    public static final String KEY_FILE = "tandem.dns.key.file";
    public static final String TTL = "tandem.dns.ttl";
    public static final String INTERVAL = "tandem.dns.interval.seconds";
    public static final String EXPORT_FILE = "tandem.dns.export.file";

    public static final int DEFAULT_PORT = 53;
    /** Short, so a tenant moved to another pool is found there within a minute; SRV failover needs no TTL. */
    public static final long DEFAULT_TTL_SECONDS = 60;
    public static final long DEFAULT_INTERVAL_SECONDS = 60;
    /** Each exchange with the zone's server (one update, or one whole zone transfer). */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The zone's primary server. */
    public record Server(String host, int port, TsigKey key) {

        public InetSocketAddress address() {
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new IllegalArgumentException(variable(SERVER) + " " + host + " does not resolve: "
                        + "give the zone's primary server by IP address");
            }
            return address;
        }
    }

    /** Empty when neither a server nor an export file is set: DNS publishing is off. */
    public static Optional<DnsSettings> from(Properties properties) {
        Optional<String> host = value(properties, SERVER);
        Optional<Path> exportFile = value(properties, EXPORT_FILE).map(Path::of);
        if (host.isEmpty() && exportFile.isEmpty()) {
            return Optional.empty();
        }
        ZoneNames zone = new ZoneNames(value(properties, ZONE).orElseThrow(() -> new IllegalArgumentException(
                variable(ZONE) + " is required with " + variable(SERVER) + " or " + variable(EXPORT_FILE)
                        + ": the zone Tandem's records go into, like pbx.example.net")));
        Optional<Server> server = host.map(name -> new Server(name, number(properties, PORT, DEFAULT_PORT, 1, 65535),
                key(properties)));
        long ttl = number(properties, TTL, DEFAULT_TTL_SECONDS, 1, 86_400);
        Duration interval = Duration.ofSeconds(number(properties, INTERVAL, DEFAULT_INTERVAL_SECONDS, 5, 86_400));
        return Optional.of(new DnsSettings(zone, ttl, interval, server, exportFile));
    }

    private static TsigKey key(Properties properties) {
        Optional<String> name = value(properties, KEY_NAME);
        Optional<String> file = value(properties, KEY_FILE);
        if (file.isPresent()) {
            return TsigKey.fromKeyFile(Path.of(file.get()), name);
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException(variable(SERVER) + " needs a TSIG key to sign updates: "
                    + variable(KEY_FILE) + " (a key file from tsig-keygen), or " + variable(KEY_NAME) + " and "
                    + variable(KEY_SECRET));
        }
        return TsigKey.of(name.get(), value(properties, KEY_ALGORITHM).orElse(null),
                value(properties, KEY_SECRET).orElseThrow(() -> new IllegalArgumentException(
                        variable(KEY_SECRET) + " is required with " + variable(KEY_NAME))));
    }

    private static Optional<String> value(Properties properties, String property) {
        return Optional.ofNullable(properties.getProperty(property)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int number(Properties properties, String property, long fallback, long min, long max) {
        String text = value(properties, property).orElse(String.valueOf(fallback));
        try {
            long number = Long.parseLong(text);
            if (number < min || number > max) {
                throw new IllegalArgumentException(variable(property) + " must be from " + min + " to " + max
                        + ", not " + number);
            }
            return (int) number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable(property) + " is not a number: '" + text + "'", e);
        }
    }

    /** The environment variable ./tandem maps onto the property, which is what an operator sets. */
    static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
