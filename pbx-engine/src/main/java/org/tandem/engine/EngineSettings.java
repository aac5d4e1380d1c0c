package org.tandem.engine;

import java.util.Objects;
import java.util.Properties;

/**
 * What one engine node needs to start: its name, where it listens for SIP (UDP and TCP on the same
 * address and port) and how its JAIN-SIP stack is tuned.
 */
public record EngineSettings(String nodeName, String bindAddress, int port, StackTuning tuning) {

    public static final String NODE_NAME_PROPERTY = "tandem.node.name";
    public static final String ADDRESS_PROPERTY = "tandem.sip.address";
    public static final String PORT_PROPERTY = "tandem.sip.port";

    public static final String DEFAULT_NODE_NAME = "node1";
    public static final String DEFAULT_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 5060;

    public EngineSettings {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tuning, "tuning");
        if (nodeName.isBlank()) {
            throw new IllegalArgumentException("node name is blank");
        }
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bind address is blank");
        }
        // UDP and TCP share the port, so an ephemeral port (0) would give them different ones.
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SIP port must be 1-65535, got " + port);
        }
    }

    /** Settings from the JVM's system properties, defaulting to a local node on 127.0.0.1:5060. */
    public static EngineSettings fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    /** Settings from the given properties, with the same names and defaults as {@link #fromSystemProperties()}. */
    public static EngineSettings fromProperties(Properties properties) {
        return new EngineSettings(
                properties.getProperty(NODE_NAME_PROPERTY, DEFAULT_NODE_NAME).strip(),
                properties.getProperty(ADDRESS_PROPERTY, DEFAULT_ADDRESS).strip(),
                port(properties.getProperty(PORT_PROPERTY)),
                StackTuning.DEFAULT);
    }

    private static int port(String value) {
        if (value == null) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_PROPERTY + " is not a number: '" + value + "'", e);
        }
    }

    /**
     * The JAIN-SIP knobs that decide throughput (measured in shared/STACK.md).
     *
     * @param threadPoolSize                threads that parse and deliver messages to the (reentrant) listener
     * @param maxServerTransactions         above this the stack refuses new server transactions at random
     * @param maxClientTransactions         same for client transactions
     * @param congestionControlTimeoutMillis a message queued longer than this is dropped instead of processed late
     */
    public record StackTuning(int threadPoolSize, int maxServerTransactions, int maxClientTransactions,
                              int congestionControlTimeoutMillis) {

        /** Far above rate x 32 s at the rates seen here; 4 threads suit 2 cores; a request queued 4 s is stale. */
        public static final StackTuning DEFAULT = new StackTuning(4, 200_000, 200_000, 4_000);

        public StackTuning {
            if (threadPoolSize < 1 || maxServerTransactions < 1 || maxClientTransactions < 1) {
                throw new IllegalArgumentException("stack tuning values must be positive: " + this);
            }
            // 0 would mean "never drop", letting the inbound queue grow until the heap is gone.
            if (congestionControlTimeoutMillis < 1) {
                throw new IllegalArgumentException("congestion control timeout must be finite and positive");
            }
        }
    }
}
