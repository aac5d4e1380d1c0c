package org.tandem.api.calls;

import jakarta.ws.rs.QueryParam;
import org.tandem.administration.calls.CallFilter;
import org.tandem.administration.shared.FieldChecks;
import org.tandem.api.request.Dates;
import org.tandem.domain.call.CallDisposition;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The query of a call-history request as a {@link CallFilter}: dates as {@code 2026-11-22} (UTC days),
 * both ends included. Without {@code to} the range ends today; without {@code from} it covers the
 * {@link #DEFAULT_DAYS} days up to {@code to}. A value that does not parse is a 422 naming its
 * parameter; the range and number rules are the service's. Both the list and its CSV export take
 * these parameters ({@code @BeanParam}).
 */
public class CallQuery {

    static final String FROM = CallFilter.FROM;
    static final String TO = CallFilter.TO;
    static final String NUMBER = CallFilter.NUMBER;
    static final String DISPOSITION = "disposition";
    static final int DEFAULT_DAYS = 30;

    @QueryParam(FROM)
    private String from;
    @QueryParam(TO)
    private String to;
    @QueryParam(NUMBER)
    private String number;
    @QueryParam(DISPOSITION)
    private String disposition;

    /** The filter the request's parameters ask for, "today" being the UTC day. */
    CallFilter filter() {
        return filter(from, to, number, disposition, LocalDate.now(ZoneOffset.UTC));
    }

    static CallFilter filter(String from, String to, String number, String disposition, LocalDate today) {
        FieldChecks checks = new FieldChecks();
        LocalDate last = to == null || to.isBlank() ? today : day(checks, TO, to);
        LocalDate first = from == null || from.isBlank()
                ? (last == null ? null : last.minusDays(DEFAULT_DAYS - 1L)) : day(checks, FROM, from);
        CallDisposition outcome = disposition == null || disposition.isBlank() ? null : outcome(checks, disposition);
        checks.throwIfAny();
        return new CallFilter(first, last, number == null || number.isBlank() ? null : number.strip(), outcome);
    }

    private static CallDisposition outcome(FieldChecks checks, String text) {
        return Arrays.stream(CallDisposition.values())
                .filter(disposition -> disposition.name().equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseGet(() -> {
                    checks.problem(DISPOSITION, "Must be one of " + Arrays.stream(CallDisposition.values())
                            .map(Enum::name).collect(Collectors.joining(", ")));
                    return null;
                });
    }

    private static LocalDate day(FieldChecks checks, String parameter, String text) {
        try {
            return Dates.day(text.strip());
        } catch (DateTimeException e) {
            checks.problem(parameter, "Must be a day such as 2026-11-22");
            return null;
        }
    }
}
