package org.tandem.engine.services;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageWaitingPolicyTest {

    @Test
    void unsolicitedNotifiesAreOnAndSubscriptionsBoundedUnlessTheOperatorSaysOtherwise() {
        assertThat(MessageWaitingPolicy.fromProperties(new Properties())).isEqualTo(MessageWaitingPolicy.DEFAULT);
        Properties properties = new Properties();
        properties.setProperty(MessageWaitingPolicy.UNSOLICITED_PROPERTY, " FALSE ");
        properties.setProperty(MessageWaitingPolicy.MAX_PER_ADDRESS_PROPERTY, "3");
        properties.setProperty(MessageWaitingPolicy.MAX_PER_NODE_PROPERTY, "500");
        assertThat(MessageWaitingPolicy.fromProperties(properties)).isEqualTo(new MessageWaitingPolicy(3, 500, false));
    }

    @Test
    void aSettingThatIsNotTrueOrFalseOrNotAPositiveNumberIsRefusedByName() {
        Properties properties = new Properties();
        properties.setProperty(MessageWaitingPolicy.UNSOLICITED_PROPERTY, "yes please");
        assertThatThrownBy(() -> MessageWaitingPolicy.fromProperties(properties))
                .hasMessageContaining("tandem.mwi.unsolicited").hasMessageContaining("true or false");
        properties.remove(MessageWaitingPolicy.UNSOLICITED_PROPERTY);
        properties.setProperty(MessageWaitingPolicy.MAX_PER_NODE_PROPERTY, "0");
        assertThatThrownBy(() -> MessageWaitingPolicy.fromProperties(properties))
                .hasMessageContaining("tandem.mwi.max.subscriptions");
        properties.setProperty(MessageWaitingPolicy.MAX_PER_NODE_PROPERTY, "many");
        assertThatThrownBy(() -> MessageWaitingPolicy.fromProperties(properties))
                .hasMessageContaining("tandem.mwi.max.subscriptions");
    }
}
