package org.tandem.domain.tenant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SipDomainTest {

    @Test
    void keepsDomainsInLowerCaseWithoutTheRootDot() {
        assertThat(new SipDomain(" Acme.Example.COM. ").name()).isEqualTo("acme.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "acme..example.com", "-acme.example.com", "acme-.example.com",
            "acme_corp.example.com", "10.0.0.1", "acme example.com", "acme.example.com/x"})
    void refusesWhatIsNotADnsName(String name) {
        assertThatThrownBy(() -> new SipDomain(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SIP domain");
    }

    @Test
    void refusesALabelLongerThan63Characters() {
        assertThatThrownBy(() -> new SipDomain("a".repeat(64) + ".example.com"))
                .hasMessageContaining("not a valid DNS name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "x-1.example.com", "pbx.example.c0m", "a.example.com."})
    void takesEveryDnsName(String name) {
        assertThat(new SipDomain(name).name()).isEqualTo(name.replaceFirst("\\.$", ""));
    }

    @Test
    void takesALabelOf63Characters() {
        String label = "a" + "-".repeat(61) + "9";
        assertThat(new SipDomain(label + ".example.com").name()).isEqualTo(label + ".example.com");
    }

    @Test
    void refusesAnAddressAndAnEmptyLastLabelWithTheirOwnReasons() {
        assertThatThrownBy(() -> new SipDomain("pbx.123")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> new SipDomain("pbx.example..")).hasMessageContaining("not a valid DNS name");
        assertThatThrownBy(() -> new SipDomain("pbx")).hasMessageContaining("two labels");
    }

    @Test
    void planLimitsMustBePositiveAndBounded() {
        assertThat(new PlanLimits(5, 2, 1).maxExtensions()).isEqualTo(5);
        assertThatThrownBy(() -> new PlanLimits(0, 2, 1)).hasMessageContaining("extensions");
        assertThatThrownBy(() -> new PlanLimits(5, -1, 1)).hasMessageContaining("concurrent calls");
        assertThatThrownBy(() -> new PlanLimits(5, 2, 1_001)).hasMessageContaining("calls per second");
    }
}
