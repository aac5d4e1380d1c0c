package org.tandem.engine.call.leg;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.engine.call.leg.LegState.ANSWERED;
import static org.tandem.engine.call.leg.LegState.CALLING;
import static org.tandem.engine.call.leg.LegState.CONFIRMED;
import static org.tandem.engine.call.leg.LegState.EARLY;
import static org.tandem.engine.call.leg.LegState.ENDED;
import static org.tandem.engine.call.leg.LegState.ENDING;

/** Every move of a leg's state: those allowed happen, every other one is refused. */
class LegStateTest {

    /** The dialog life cycle of RFC 3261 12 as a leg of this B2BUA lives it. */
    private static final Map<LegState, EnumSet<LegState>> ALLOWED = Map.of(
            CALLING, EnumSet.of(EARLY, ANSWERED, ENDED),
            EARLY, EnumSet.of(EARLY, ANSWERED, ENDED),
            ANSWERED, EnumSet.of(CONFIRMED, ENDING),
            CONFIRMED, EnumSet.of(ENDING),
            ENDING, EnumSet.of(ENDED),
            ENDED, EnumSet.noneOf(LegState.class));

    @Test
    void everyAllowedMoveHappens() {
        ALLOWED.forEach((from, targets) -> targets.forEach(to -> {
            assertThat(from.canBecome(to)).as(from + " -> " + to).isTrue();
            assertThat(from.to(to)).isEqualTo(to);
        }));
    }

    @Test
    void everyOtherMoveIsRefused() {
        int refused = 0;
        for (LegState from : LegState.values()) {
            for (LegState to : EnumSet.complementOf(ALLOWED.get(from))) {
                assertThat(from.canBecome(to)).as(from + " -> " + to).isFalse();
                assertThatThrownBy(() -> from.to(to)).isInstanceOf(LegState.IllegalLegTransition.class)
                        .hasMessage("a leg " + from + " cannot become " + to);
                refused++;
            }
        }
        assertThat(refused).isEqualTo(36 - 10);
    }

    @Test
    void aLegIsUpOnceAnsweredUntilItsHangUpStarts() {
        assertThat(EnumSet.allOf(LegState.class).stream().filter(LegState::isUp)).containsExactly(ANSWERED, CONFIRMED);
    }
}
