package org.tandem.administration.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.Permission;
import org.tandem.administration.access.Scope;
import org.tandem.administration.shared.FieldChecks;
import org.tandem.domain.call.CallHistory;
import org.tandem.domain.call.CallRecord;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads only: call records are written by the engine, once, and never change. */
@ApplicationScoped
@Transactional
public class DefaultCallHistoryService implements CallHistoryService {

    private static final Permission SEE = Permission.administerTenant("see call history");
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]");
    /** A cell a spreadsheet would run as a formula (CSV injection) gets a leading quote mark. */
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\t\r].*", Pattern.DOTALL);

    @Inject
    private TenantRepository tenants;
    @Inject
    private CallHistory history;

    @Override
    public CallReport report(Actor actor, UUID tenantId, CallFilter filter) {
        Tenant tenant = Scope.tenant(actor, SEE, tenants, tenantId);
        checked(filter);
        Instant from = start(filter.from());
        Instant to = start(filter.to().plusDays(1));
        List<CallRecord> records = history.calls(tenant.id(), from, to, number(filter), filter.disposition(), SHOWN + 1);
        Map<LocalDate, Long> counts = history.callsPerDay(tenant.id(), from, to, ZoneOffset.UTC);
        List<DayCount> perDay = new ArrayList<>();
        for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
            perDay.add(new DayCount(day, counts.getOrDefault(day, 0L)));
        }
        return new CallReport(records.stream().limit(SHOWN).map(CallEntry::of).toList(),
                records.size() > SHOWN, perDay);
    }

    @Override
    public String csv(Actor actor, UUID tenantId, CallFilter filter) {
        Tenant tenant = Scope.tenant(actor, SEE, tenants, tenantId);
        checked(filter);
        List<CallRecord> records = new ArrayList<>(history.calls(tenant.id(), start(filter.from()),
                start(filter.to().plusDays(1)), number(filter), filter.disposition(), EXPORTED));
        StringBuilder csv = new StringBuilder("started_at,caller,callee,disposition,sip_cause,answered_at,ended_at,talk_seconds\r\n");
        for (CallRecord record : records.reversed()) {
            CallEntry entry = CallEntry.of(record);
            csv.append(record.startedAt()).append(',').append(cell(record.caller())).append(',')
                    .append(cell(record.callee())).append(',').append(record.disposition()).append(',')
                    .append(record.sipCause()).append(',')
                    .append(record.answeredAt() == null ? "" : record.answeredAt().toString()).append(',')
                    .append(record.endedAt()).append(',')
                    .append(entry.talkSeconds() == null ? "" : entry.talkSeconds().toString()).append("\r\n");
        }
        return csv.toString();
    }

    private static void checked(CallFilter filter) {
        FieldChecks checks = new FieldChecks();
        if (filter.from() == null) {
            checks.problem(CallFilter.FROM, "Choose the first day");
        }
        if (filter.to() == null) {
            checks.problem(CallFilter.TO, "Choose the last day");
        }
        if (filter.from() != null && filter.to() != null) {
            if (filter.to().isBefore(filter.from())) {
                checks.problem(CallFilter.TO, "The last day is before the first");
            } else if (ChronoUnit.DAYS.between(filter.from(), filter.to()) >= MAX_DAYS) {
                checks.problem(CallFilter.TO, "At most " + MAX_DAYS + " days at a time");
            }
        }
        if (number(filter) != null) {
            checks.check(CallFilter.NUMBER, () -> new ExtensionNumber(number(filter)));
        }
        checks.throwIfAny();
    }

    private static String number(CallFilter filter) {
        return filter.number() == null || filter.number().isBlank() ? null : filter.number().strip();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String cell(String value) {
        String safe = FORMULA.matcher(value).matches() ? "'" + value : value;
        return NEEDS_QUOTES.matcher(safe).find() ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
