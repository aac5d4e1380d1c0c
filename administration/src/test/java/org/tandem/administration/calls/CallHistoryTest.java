package org.tandem.administration.calls;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.call.CallDisposition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.NORTHWIND_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.SOUTHGATE_ADMIN;

/** A customer of its own per test, with calls on 1, 2 and 4 November 2026 (UTC). */
class CallHistoryTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private Actor reseller;
    private UUID tenant;

    @BeforeEach
    void customerWithCalls() {
        reseller = fixture.actor(NORTHWIND_ADMIN);
        tenant = fixture.newCustomer("Calls Co", 10).id();
        Instant day1 = Instant.parse("2026-11-01T09:00:00Z");
        fixture.recordCall(tenant, "101", "102", day1, day1.plusSeconds(3), day1.plusSeconds(63), "ANSWERED", 200);
        fixture.recordCall(tenant, "102", "103", day1.plusSeconds(600), null, day1.plusSeconds(630), "NO_ANSWER", 480);
        Instant day2 = Instant.parse("2026-11-02T23:59:00Z");
        fixture.recordCall(tenant, "=cmd|' /C calc'!A0", "101", day2, null, day2.plusSeconds(5), "BUSY", 486);
        Instant day4 = Instant.parse("2026-11-04T00:00:00Z");
        fixture.recordCall(tenant, "103", "101", day4, day4.plusSeconds(1), day4.plusSeconds(11), "ANSWERED", 200);
    }

    @Test
    void aReportListsTheCallsNewestFirstAndCountsEveryDay() {
        CallReport report = fixture.calls.report(reseller, tenant, new CallFilter(FIRST, FIRST.plusDays(3), null, null));

        assertThat(report.calls()).extracting(CallEntry::caller).containsExactly("103", "=cmd|' /C calc'!A0", "102", "101");
        assertThat(report.calls().getLast().talkSeconds()).isEqualTo(60L);
        assertThat(report.calls().get(1).talkSeconds()).isNull();
        assertThat(report.truncated()).isFalse();
        assertThat(report.perDay()).extracting(day -> day.day().getDayOfMonth() + ":" + day.calls())
                .containsExactly("1:2", "2:1", "3:0", "4:1");
    }

    @Test
    void filtersByNumberAndOutcome() {
        assertThat(fixture.calls.report(reseller, tenant, new CallFilter(FIRST, FIRST.plusDays(3), "102", null)).calls())
                .extracting(entry -> entry.caller() + ">" + entry.callee()).containsExactly("102>103", "101>102");
        assertThat(fixture.calls.report(reseller, tenant,
                new CallFilter(FIRST, FIRST.plusDays(3), null, CallDisposition.ANSWERED)).calls()).hasSize(2);
        assertThat(fixture.calls.report(reseller, tenant, new CallFilter(FIRST, FIRST, null, null)).calls()).hasSize(2);
    }

    @Test
    void theCsvExportIsOldestFirstQuotedAndSafeToOpenInASpreadsheet() {
        String csv = fixture.calls.csv(reseller, tenant, new CallFilter(FIRST, FIRST.plusDays(3), null, null));

        assertThat(csv.split("\r\n")).containsExactly(
                "started_at,caller,callee,disposition,sip_cause,answered_at,ended_at,talk_seconds",
                "2026-11-01T09:00:00Z,101,102,ANSWERED,200,2026-11-01T09:00:03Z,2026-11-01T09:01:03Z,60",
                "2026-11-01T09:10:00Z,102,103,NO_ANSWER,480,,2026-11-01T09:10:30Z,",
                "2026-11-02T23:59:00Z,'=cmd|' /C calc'!A0,101,BUSY,486,,2026-11-02T23:59:05Z,",
                "2026-11-04T00:00:00Z,103,101,ANSWERED,200,2026-11-04T00:00:01Z,2026-11-04T00:00:11Z,10");
    }

    @Test
    void aBadRangeOrNumberIsAFieldMessage() {
        assertThatThrownBy(() -> fixture.calls.report(reseller, tenant, new CallFilter(FIRST, FIRST.minusDays(1), "1x", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(CallFilter.TO, "The last day is before the first")
                        .containsEntry(CallFilter.NUMBER, "extension number must be 2 to 10 digits: 1x"));
        assertThatThrownBy(() -> fixture.calls.report(reseller, tenant, new CallFilter(FIRST, FIRST.plusDays(400), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(CallFilter.TO, "At most 366 days at a time"));
    }

    @Test
    void anotherResellerSeesNoneOfTheseCalls() {
        assertThatThrownBy(() -> fixture.calls.report(fixture.actor(SOUTHGATE_ADMIN), tenant,
                CallFilter.lastDays(FIRST.plusDays(3), 7))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixture.calls.csv(fixture.actor(SOUTHGATE_ADMIN), tenant,
                CallFilter.lastDays(FIRST.plusDays(3), 7))).isInstanceOf(NotFoundException.class);
    }
}
