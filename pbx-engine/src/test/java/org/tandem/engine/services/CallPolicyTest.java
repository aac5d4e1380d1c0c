package org.tandem.engine.services;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallPolicyTest {

    @Test
    void phonesRingThirtySecondsUnlessTheOperatorSaysOtherwise() {
        assertThat(CallPolicy.fromProperties(new Properties()).noAnswerTimeout()).isEqualTo(Duration.ofSeconds(30));
        Properties properties = new Properties();
        properties.setProperty(CallPolicy.NO_ANSWER_PROPERTY, " 45 ");
        assertThat(CallPolicy.fromProperties(properties).noAnswerTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aStoppingNodeGivesItsCallsThirtySecondsUnlessTheOperatorSaysOtherwise() {
        assertThat(CallPolicy.fromProperties(new Properties()).stopGrace()).isEqualTo(Duration.ofSeconds(30));
        Properties properties = new Properties();
        properties.setProperty(CallPolicy.STOP_GRACE_PROPERTY, "0");
        assertThat(CallPolicy.fromProperties(properties).stopGrace()).isZero();
        properties.setProperty(CallPolicy.STOP_GRACE_PROPERTY, "-1");
        assertThatThrownBy(() -> CallPolicy.fromProperties(properties)).hasMessageContaining("stop grace");
        properties.setProperty(CallPolicy.STOP_GRACE_PROPERTY, "a minute");
        assertThatThrownBy(() -> CallPolicy.fromProperties(properties)).hasMessageContaining("tandem.call.stop.grace.seconds");
    }

    @Test
    void aTimeoutThatIsNotAPositiveNumberOfSecondsIsRefused() {
        Properties properties = new Properties();
        properties.setProperty(CallPolicy.NO_ANSWER_PROPERTY, "soon");
        assertThatThrownBy(() -> CallPolicy.fromProperties(properties)).hasMessageContaining("tandem.call.no.answer.seconds");
        properties.setProperty(CallPolicy.NO_ANSWER_PROPERTY, "0");
        assertThatThrownBy(() -> CallPolicy.fromProperties(properties)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The rule every module reads its settings by (domain NodeSettings): a blank setting is no setting. */
    @Test
    void aBlankTimeoutMeansTheDefault() {
        Properties properties = new Properties();
        properties.setProperty(CallPolicy.NO_ANSWER_PROPERTY, " ");
        assertThat(CallPolicy.fromProperties(properties).noAnswerTimeout()).isEqualTo(CallPolicy.DEFAULT.noAnswerTimeout());
    }

    @Test
    void sessionsLast1800SecondsAndNoLessThan90UnlessTheOperatorSaysOtherwise() {
        CallPolicy defaults = CallPolicy.fromProperties(new Properties());
        assertThat(defaults.sessionExpires()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(defaults.minSessionExpires()).isEqualTo(Duration.ofSeconds(90));
        Properties properties = new Properties();
        properties.setProperty(CallPolicy.SESSION_EXPIRES_PROPERTY, "600");
        properties.setProperty(CallPolicy.MIN_SE_PROPERTY, "120");
        assertThat(CallPolicy.fromProperties(properties).sessionTimers().minSeconds()).isEqualTo(120);
        properties.setProperty(CallPolicy.MIN_SE_PROPERTY, "900");
        assertThatThrownBy(() -> CallPolicy.fromProperties(properties)).hasMessageContaining("Min-SE (900 s)");
        properties.setProperty(CallPolicy.MIN_SE_PROPERTY, "a while");
        assertThatThrownBy(() -> CallPolicy.fromProperties(properties)).hasMessageContaining("tandem.call.min.se.seconds");
    }
}
