package org.tandem.engine.services;

import org.junit.jupiter.api.Test;
import org.tandem.domain.throttle.ThrottlePolicy;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrarPolicyTest {

    @Test
    void takesTheThrottleFromTheSharedAuthenticationSettings() {
        Properties properties = new Properties();
        assertThat(RegistrarPolicy.fromProperties(properties)).isEqualTo(RegistrarPolicy.DEFAULT);
        properties.setProperty(ThrottlePolicy.PER_ADDRESS_PROPERTY, "50");
        assertThat(RegistrarPolicy.fromProperties(properties).throttle().perAddress()).isEqualTo(50);
    }

    @Test
    void refusesTheRetiredNodeWideDigestSettingRatherThanIgnoreIt() {
        Properties properties = new Properties();
        properties.setProperty("tandem.sip.digest", "MD5");
        assertThatThrownBy(() -> RegistrarPolicy.fromProperties(properties)).hasMessageContaining("TANDEM_SIP_DIGEST")
                .hasMessageContaining("each tenant");
    }
}
