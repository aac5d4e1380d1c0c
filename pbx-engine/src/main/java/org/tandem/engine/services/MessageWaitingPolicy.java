package org.tandem.engine.services;

import org.tandem.domain.settings.NodeSettings;

import java.util.Locale;
import java.util.Properties;

/**
 * The operator's choices for message-waiting lamps (RFC 3842).
 *
 * @param maxPerAddress how many message-summary subscriptions one address of record (an extension's
 *                      phones) may hold on this node; past it a new one gets 503
 * @param maxPerNode    how many this node holds in all, kept in memory like dialogs; past it 503
 * @param unsolicited   whether a phone registered here without a subscription is sent a NOTIFY all the
 *                      same when its mailbox changes (desk phones that never subscribe)
 */
public record MessageWaitingPolicy(int maxPerAddress, int maxPerNode, boolean unsolicited) {

    public static final String MAX_PER_ADDRESS_PROPERTY = "tandem.mwi.max.subscriptions.per.address";
    public static final String MAX_PER_NODE_PROPERTY = "tandem.mwi.max.subscriptions";
    public static final String UNSOLICITED_PROPERTY = "tandem.mwi.unsolicited";
    public static final MessageWaitingPolicy DEFAULT = new MessageWaitingPolicy(10, 20_000, true);

    public MessageWaitingPolicy {
        if (maxPerAddress < 1 || maxPerNode < 1) {
            throw new IllegalArgumentException("subscription limits must be positive: " + maxPerAddress + ", " + maxPerNode);
        }
    }

    public MessageWaitingPolicy withLimits(int perAddress, int perNode) {
        return new MessageWaitingPolicy(perAddress, perNode, unsolicited);
    }

    public MessageWaitingPolicy withUnsolicited(boolean send) {
        return new MessageWaitingPolicy(maxPerAddress, maxPerNode, send);
    }

    /** The default policy, with each of its properties ({@value #MAX_PER_NODE_PROPERTY}, ...) where set. */
    public static MessageWaitingPolicy fromProperties(Properties properties) {
        return new MessageWaitingPolicy(
                NodeSettings.positive(properties, MAX_PER_ADDRESS_PROPERTY, DEFAULT.maxPerAddress),
                NodeSettings.positive(properties, MAX_PER_NODE_PROPERTY, DEFAULT.maxPerNode),
                yesOrNo(properties, UNSOLICITED_PROPERTY, DEFAULT.unsolicited));
    }

    private static boolean yesOrNo(Properties properties, String name, boolean fallback) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
        };
    }
}
