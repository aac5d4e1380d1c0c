package org.tandem.engine.call.sessiontimer;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 4028's negotiation as the node does it, with a 1800 s session and a 90 s minimum. */
class SessionTimerRulesTest {

    private final SessionTimerRules rules = new SessionTimerRules(Duration.ofSeconds(1800), Duration.ofSeconds(90));

    @Test
    void anInviteAskingForNothingGetsTheNodesSession() {
        assertThat(rules.offer(null, null, false)).isEqualTo(new SessionTimerDecision.Offered(1800, null, false));
        assertThat(rules.offer(null, null, true)).isEqualTo(new SessionTimerDecision.Offered(1800, null, true));
    }

    @Test
    void theShorterOfAskedAndOfferedWinsButNeverBelowEitherMinimum() {
        assertThat(rules.offer("600;refresher=uac", null, true))
                .isEqualTo(new SessionTimerDecision.Offered(600, Refresher.UAC, true));
        assertThat(rules.offer("7200 ; refresher = UAS", null, true))
                .isEqualTo(new SessionTimerDecision.Offered(1800, Refresher.UAS, true));
        assertThat(rules.offer("90", "120", false)).isEqualTo(new SessionTimerDecision.Offered(120, null, false));
        assertThat(rules.offer(null, "3600", true)).isEqualTo(new SessionTimerDecision.Offered(3600, null, true));
    }

    @Test
    void belowTheMinimumIs422WithTheNodesMinSe() {
        assertThat(rules.offer("89", null, true)).isEqualTo(new SessionTimerDecision.TooBrief(90));
        assertThat(rules.offer("0", null, true)).isEqualTo(new SessionTimerDecision.TooBrief(90));
    }

    @Test
    void malformedValuesAre400() {
        assertThat(rules.offer("soon", null, true)).isEqualTo(new SessionTimerDecision.Malformed("Bad Session-Expires"));
        assertThat(rules.offer("900;refresher=me", null, true))
                .isEqualTo(new SessionTimerDecision.Malformed("Bad Session-Expires"));
        assertThat(rules.offer("99999999999", null, true)).isInstanceOf(SessionTimerDecision.Malformed.class);
        assertThat(rules.offer("900", "-5", true)).isEqualTo(new SessionTimerDecision.Malformed("Bad Min-SE"));
        assertThat(rules.offer("", null, true)).isInstanceOf(SessionTimerDecision.Malformed.class);
    }

    @Test
    void theCalleesAnswerNamesTheSessionAndWhoRefreshesIt() {
        SessionTimerDecision.Offered timerCaller = new SessionTimerDecision.Offered(1800, null, true);
        SessionTimerDecision.Offered plainCaller = new SessionTimerDecision.Offered(1800, null, false);
        assertThat(rules.answered(timerCaller, "900;refresher=uas")).contains(new SessionTimer(900, Refresher.UAS));
        assertThat(rules.answered(plainCaller, "900;refresher=uas")).contains(new SessionTimer(900, Refresher.UAS));
        assertThat(rules.answered(timerCaller, "900;refresher=uac")).contains(new SessionTimer(900, Refresher.UAC));
        assertThat(rules.answered(timerCaller, "900")).contains(new SessionTimer(900, Refresher.UAC));
        assertThat(rules.answered(plainCaller, "900")).contains(new SessionTimer(900, Refresher.UAS));
        assertThat(rules.answered(timerCaller, "30;refresher=uas")).contains(new SessionTimer(90, Refresher.UAS));
        // nobody would refresh: no session timer
        assertThat(rules.answered(plainCaller, "900;refresher=uac")).isEmpty();
        assertThat(rules.answered(plainCaller, null)).isEmpty();
        assertThat(rules.answered(new SessionTimerDecision.Offered(1800, Refresher.UAS, true), null)).isEmpty();
        // the callee does not do timers: the caller that can refreshes
        assertThat(rules.answered(timerCaller, null)).contains(new SessionTimer(1800, Refresher.UAC));
    }

    @Test
    void aRefreshMayChangeTheInterval() {
        SessionTimer current = new SessionTimer(1800, Refresher.UAC);
        assertThat(rules.refreshed(current, null)).isEqualTo(current);
        assertThat(rules.refreshed(current, "600")).isEqualTo(new SessionTimer(600, Refresher.UAC));
        assertThat(rules.refreshed(current, "600;refresher=uas")).isEqualTo(new SessionTimer(600, Refresher.UAS));
        assertThat(rules.refreshed(current, "garbage")).isEqualTo(current);
    }

    @Test
    void theSideThatDoesNotRefreshGivesUpAThirdOrAtMost32SecondsBeforeTheEnd() {
        assertThat(new SessionTimer(90, Refresher.UAC).deadline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(new SessionTimer(1800, Refresher.UAC).deadline()).isEqualTo(Duration.ofSeconds(1768));
        assertThat(new SessionTimer(4, Refresher.UAC).deadline()).isEqualTo(Duration.ofMillis(2667));
        assertThat(new SessionTimer(900, Refresher.UAS).header()).isEqualTo("900;refresher=uas");
    }

    @Test
    void aMinimumAboveTheIntervalOrBelowASecondIsRefused() {
        assertThatThrownBy(() -> new SessionTimerRules(Duration.ofSeconds(60), Duration.ofSeconds(90)))
                .hasMessageContaining("Min-SE (90 s) <= Session-Expires (60 s)");
        assertThatThrownBy(() -> new SessionTimerRules(Duration.ofSeconds(60), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rules.minSeconds()).isEqualTo(90);
    }
}
