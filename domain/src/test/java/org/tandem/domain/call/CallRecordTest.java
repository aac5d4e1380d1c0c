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
}
