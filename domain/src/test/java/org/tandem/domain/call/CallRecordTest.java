package org.tandem.domain.call;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallRecordTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    private static CallRecord record(Instant answered, Instant ended, int cause) {
        return new CallRecord(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "101", "102", START, answered,
                ended, answered == null ? CallDisposition.NO_ANSWER : CallDisposition.ANSWERED, cause);
    }

    @Test
    void talkTimeRunsFromTheAnswerToTheEnd() {
        assertThat(record(START.plusSeconds(5), START.plusSeconds(65), 200).talkTime()).contains(Duration.ofMinutes(1));
        assertThat(record(null, START.plusSeconds(30), 480).talkTime()).isEmpty();
    }

    @Test
    void timesMustBeInOrderAndTheCauseASipStatus() {
        assertThatThrownBy(() -> record(null, START.minusSeconds(1), 480)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record(START.plusSeconds(10), START.plusSeconds(5), 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record(null, START, 99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record(null, START, 700)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallUpAndACallRecordedAreCheckedAlike() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new ActiveCall(id, UUID.randomUUID(), UUID.randomUUID(), "101", "102", START,
                START.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record(START.minusSeconds(1), START.plusSeconds(5), 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActiveCall(id, UUID.randomUUID(), UUID.randomUUID(), null, "102", START, null))
                .isInstanceOf(NullPointerException.class).hasMessage("caller");
        assertThatThrownBy(() -> new CallRecord(id, UUID.randomUUID(), UUID.randomUUID(), null, "102", START, null,
                START, CallDisposition.NO_ANSWER, 480)).isInstanceOf(NullPointerException.class).hasMessage("caller");
        assertThat(new ActiveCall(id, UUID.randomUUID(), UUID.randomUUID(), "101", "102", START, START).state())
                .isEqualTo(ActiveCall.State.ANSWERED);
    }
}
