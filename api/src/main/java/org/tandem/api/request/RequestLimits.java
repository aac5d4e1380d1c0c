package org.tandem.api.request;

import org.tandem.domain.settings.NodeSettings;

import java.util.Properties;

/**
 * How much of a request the API reads: bodies up to {@code maxBodyBytes} (a CSV import included),
 * JSON nested at most {@code maxJsonDepth} deep, JSON numbers of at most {@code maxNumberLength}
 * characters. Past any of them the request is refused before anything works on it, so no input can
 * make the node parse, hold or convert an unbounded amount.
 */
public record RequestLimits(int maxBodyBytes, int maxJsonDepth, int maxNumberLength) {

    public static final String MAX_BODY_BYTES_PROPERTY = "tandem.api.max.body.bytes";
    public static final String MAX_JSON_DEPTH_PROPERTY = "tandem.api.max.json.depth";
    public static final String MAX_NUMBER_LENGTH_PROPERTY = "tandem.api.max.number.length";
    static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    static final int DEFAULT_MAX_JSON_DEPTH = 16;
    static final int DEFAULT_MAX_NUMBER_LENGTH = 32;

    /** The node's limits, read once from its system properties (the launcher maps TANDEM_API_* onto them). */
    public static final RequestLimits CONFIGURED = of(System.getProperties());

    public RequestLimits {
        if (maxBodyBytes < 1 || maxJsonDepth < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("request limits must be positive");
        }
    }

    public static RequestLimits of(Properties properties) {
        return new RequestLimits(NodeSettings.positive(properties, MAX_BODY_BYTES_PROPERTY, DEFAULT_MAX_BODY_BYTES),
                NodeSettings.positive(properties, MAX_JSON_DEPTH_PROPERTY, DEFAULT_MAX_JSON_DEPTH),
                NodeSettings.positive(properties, MAX_NUMBER_LENGTH_PROPERTY, DEFAULT_MAX_NUMBER_LENGTH));
    }
}
