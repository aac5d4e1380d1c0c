package org.tandem.engine.sip;

import org.tandem.domain.settings.NodeSettings;

import java.time.Duration;
import java.util.Properties;

/**
 * What one SIP-over-TCP peer may hold of the node: each connection reads at most one message of
 * {@code maxMessageBytes} at a time, a source address holds at most {@code connectionsPerAddress} connections
 * and all together at most {@code connections}; a connection that sends nothing for
 * {@code idleTimeout} is closed, and so is one that takes longer than {@code partialMessageTimeout}
 * to finish a message it began. The largest message also bounds what a UDP datagram may carry.
 */
public record TcpLimits(int maxMessageBytes, int connectionsPerAddress, int connections, Duration idleTimeout,
                        Duration partialMessageTimeout) {

    public static final String MAX_MESSAGE_PROPERTY = "tandem.sip.max.message.bytes";
    public static final String PER_ADDRESS_PROPERTY = "tandem.sip.tcp.connections.per.address";
    public static final String CONNECTIONS_PROPERTY = "tandem.sip.tcp.connections";
    public static final String IDLE_PROPERTY = "tandem.sip.tcp.idle.seconds";
    public static final String PARTIAL_PROPERTY = "tandem.sip.tcp.partial.message.seconds";

    /**
     * 64 KiB holds any real SIP message (the largest a UDP datagram can carry); 50 connections per
     * address leave room for a site's phones behind one NAT address; 5,000 connections cost no thread
     * each, and their buffers stay small unless every one of them sends 64 KiB messages. Idle: 3,900 s, longer than the longest registration the registrar
     * grants (3,600 s), so a phone that keeps its connection for its re-REGISTER without RFC 5626
     * keep-alives does not lose it, and with keep-alives (every 2 minutes or so) never comes near.
     * A message's parts arrive within milliseconds; 30 s is far beyond any real network's delay.
     */
    public static final TcpLimits DEFAULT = new TcpLimits(64 * 1024, 50, 5_000, Duration.ofSeconds(3_900),
            Duration.ofSeconds(30));

    public TcpLimits {
        // below about 1 KiB not even a REGISTER fits; a datagram never holds more than 64 KiB anyway
        if (maxMessageBytes < 1_024) {
            throw new IllegalArgumentException(MAX_MESSAGE_PROPERTY + " must be at least 1024, got " + maxMessageBytes);
        }
        if (connectionsPerAddress < 1 || connections < connectionsPerAddress) {
            throw new IllegalArgumentException("TCP connections must be at least 1 per address and in total at least"
                    + " as many as per address, got " + connectionsPerAddress + " per address and " + connections);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()
                || partialMessageTimeout.isNegative() || partialMessageTimeout.isZero()) {
            throw new IllegalArgumentException("TCP timeouts must be positive");
        }
    }

    /** The limits the properties set, each defaulting to {@link #DEFAULT}'s. */
    public static TcpLimits fromProperties(Properties properties) {
        return new TcpLimits(
                NodeSettings.wholeNumber(properties, MAX_MESSAGE_PROPERTY, DEFAULT.maxMessageBytes),
                NodeSettings.wholeNumber(properties, PER_ADDRESS_PROPERTY, DEFAULT.connectionsPerAddress),
                NodeSettings.wholeNumber(properties, CONNECTIONS_PROPERTY, DEFAULT.connections),
                Duration.ofSeconds(NodeSettings.wholeNumber(properties, IDLE_PROPERTY, (int) DEFAULT.idleTimeout.toSeconds())),
                Duration.ofSeconds(NodeSettings.wholeNumber(properties, PARTIAL_PROPERTY, (int) DEFAULT.partialMessageTimeout.toSeconds())));
    }
}
