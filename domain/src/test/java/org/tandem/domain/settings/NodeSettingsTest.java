package org.tandem.domain.settings;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NodeSettingsTest {

    private static Properties with(String value) {
        Properties properties = new Properties();
        if (value != null) {
            properties.setProperty("tandem.x", value);
        }
        return properties;
    }

    @Test
    void aSettingNotSetOrBlankIsItsDefault() {
        assertThat(NodeSettings.wholeNumber(with(null), "tandem.x", 7)).isEqualTo(7);
        assertThat(NodeSettings.wholeNumber(with("  "), "tandem.x", 7)).isEqualTo(7);
        assertThat(NodeSettings.positive(with(null), "tandem.x", 7)).isEqualTo(7);
    }

    @Test
    void aSetValueIsReadWithoutItsSpaces() {
        assertThat(NodeSettings.wholeNumber(with(" -3 "), "tandem.x", 7)).isEqualTo(-3);
        assertThat(NodeSettings.positive(with("12"), "tandem.x", 7)).isEqualTo(12);
    }

    @Test
    void aWrongValueIsRefusedNamingTheSetting() {
        assertThatIllegalArgumentException().isThrownBy(() -> NodeSettings.wholeNumber(with("many"), "tandem.x", 7))
                .withMessage("tandem.x must be a whole number, not 'many'");
        assertThatIllegalArgumentException().isThrownBy(() -> NodeSettings.wholeNumber(with("99999999999"), "tandem.x", 7))
                .withMessage("tandem.x must be a whole number, not '99999999999'");
        assertThatIllegalArgumentException().isThrownBy(() -> NodeSettings.positive(with("0"), "tandem.x", 7))
                .withMessage("tandem.x must be a positive whole number, not '0'");
        assertThatIllegalArgumentException().isThrownBy(() -> NodeSettings.positive(with("ten"), "tandem.x", 7))
                .withMessage("tandem.x must be a positive whole number, not 'ten'");
    }
}
