package org.tandem.api.calls;

import org.junit.jupiter.api.Test;
import org.tandem.administration.calls.CallFilter;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.domain.call.CallDisposition;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallQueryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void withoutParametersTheLastThirtyDaysUpToToday() {
        assertThat(CallQuery.filter(null, null, null, null, TODAY))
                .isEqualTo(new CallFilter(LocalDate.of(2026, 10, 24), TODAY, null, null));
        assertThat(CallQuery.filter("", " ", "", "", TODAY)).isEqualTo(CallQuery.filter(null, null, null, null, TODAY));
    }

    @Test
    void aGivenLastDayEndsTheDefaultRangeAndOutcomesReadInAnyCase() {
        assertThat(CallQuery.filter(null, "2026-01-31", "201", "no_answer", TODAY))
                .isEqualTo(new CallFilter(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31), "201", CallDisposition.NO_ANSWER));
        assertThat(CallQuery.filter("2026-11-01", null, null, "ANSWERED", TODAY))
                .isEqualTo(new CallFilter(LocalDate.of(2026, 11, 1), TODAY, null, CallDisposition.ANSWERED));
    }

    @Test
    void everyValueThatDoesNotParseIsNamed() {
        assertThatThrownBy(() -> CallQuery.filter("1.11.2026", "tomorrow", "201", "LOST", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsOnlyKeys("from", "to", "disposition")
                        .containsEntry("from", "Must be a day such as 2026-11-22")
                        .containsEntry("disposition", "Must be one of ANSWERED, BUSY, NO_ANSWER, CANCELLED, FAILED"));
    }

    @Test
    void daysOutsideTheYearsZeroOneToNineThousandNineHundredNinetyNineAreNamedNotOverflowed() {
        assertThatThrownBy(() -> CallQuery.filter("+999999999-01-01", "-999999999-01-01", null, null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsOnlyKeys("from", "to"));
        assertThatThrownBy(() -> CallQuery.filter(null, "+10000-01-01", null, null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages()).containsOnlyKeys("to"));
        assertThat(CallQuery.filter("0001-01-01", "9999-12-31", null, null, TODAY))
                .isEqualTo(new CallFilter(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), null, null));
    }
}
