package org.tandem.domain.settings;

import java.util.Properties;

/**
 * How a node's numeric settings are read, the one rule for every module: a setting arrives as a system
 * property (the launcher maps {@code TANDEM_X_Y} onto {@code tandem.x.y}); absent or blank means its
 * default, anything else must be a whole number, and a wrong value stops whoever reads it with a message
 * naming the setting, rather than being taken as the default.
 */
public final class NodeSettings {

    private NodeSettings() {
    }

    /** The whole number {@code name} sets, or {@code fallback} when it is not set. */
    public static int wholeNumber(Properties properties, String name, int fallback) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", notANumber);
        }
    }

    /** Like {@link #wholeNumber}, and above zero. */
    public static int positive(Properties properties, String name, int fallback) {
        String value = properties.getProperty(name);
        try {
            int number = wholeNumber(properties, name, fallback);
            if (number > 0) {
                return number;
            }
        } catch (IllegalArgumentException notANumber) {
            // refused below, in the same words
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not '" + value + "'");
    }
}
