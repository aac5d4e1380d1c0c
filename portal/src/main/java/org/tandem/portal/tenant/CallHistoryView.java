package org.tandem.portal.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.calls.CallFilter;
import org.tandem.administration.calls.CallHistoryService;
import org.tandem.administration.calls.CallReport;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.domain.call.CallDisposition;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.Forms;
import org.tandem.portal.shared.RouteIds;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A tenant's calls: filter by days, number and outcome, the calls per day as a chart, the list, and
 * the same calls as a CSV download. Times are UTC.
 */
@Route(value = TenantRoute.PATH + "calls", layout = MainLayout.class)
@PageTitle("Call history | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN", "TENANT_ADMIN"})
public class CallHistoryView extends VerticalLayout implements BeforeEnterObserver {

    private static final int DEFAULT_DAYS = 30;

    private final CallHistoryService calls;
    private final Actor actor;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final TextField number = new TextField("Number");
    private final ComboBox<CallDisposition> outcome = new ComboBox<>("Outcome");
    private final FormMessages messages = new FormMessages();
    private final CallsPerDayChart chart = new CallsPerDayChart();
    private final Paragraph summary = new Paragraph();
    private final CallEntryGrid grid = new CallEntryGrid("calls");
    private UUID tenantId;
    /** What the list shows, and so what the CSV holds; read by the download outside the UI's lock. */
    private volatile CallFilter shown;

    @Inject
    public CallHistoryView(CallHistoryService calls, CurrentUser currentUser) {
        this.calls = calls;
        this.actor = currentUser.actor();

        CallFilter recent = CallFilter.lastDays(LocalDate.now(ZoneOffset.UTC), DEFAULT_DAYS);
        from.setId("calls-from");
        from.setValue(recent.from());
        to.setId("calls-to");
        to.setValue(recent.to());
        number.setId("calls-number");
        number.setPlaceholder("any");
        number.setClearButtonVisible(true);
        outcome.setId("calls-outcome");
        outcome.setItems(CallDisposition.values());
        outcome.setPlaceholder("any");
        outcome.setClearButtonVisible(true);
        messages.field(CallFilter.FROM, from).field(CallFilter.TO, to).field(CallFilter.NUMBER, number);
        Button show = Forms.primaryButton("Show", "show-calls", this::refresh);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = calls.csv(actor, tenantId, shown).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "calls.csv", "text/csv", csv.length);
        }), "Download CSV");
        download.setId("calls-csv");
        HorizontalLayout filters = Forms.row(from, to, number, outcome, show, download);

        summary.setId("calls-summary");

        add(new H2("Call history"), filters, messages.general(), chart, summary, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenantId = RouteIds.get(event, TenantRoute.TENANT_ID);
        refresh();
    }

    private CallFilter filter() {
        return new CallFilter(from.getValue(), to.getValue(), number.getValue(), outcome.getValue());
    }

    private void refresh() {
        try {
            CallFilter filter = filter();
            CallReport report = calls.report(actor, tenantId, filter);
            shown = filter;
            messages.clear();
            chart.show(report.perDay());
            summary.setText(report.calls().size() + (report.truncated() ? "+ calls (the newest " + report.calls().size()
                    + " are listed; narrow the filter or download the CSV)" : report.calls().size() == 1 ? " call" : " calls"));
            grid.setItems(report.calls());
        } catch (InvalidInputException refused) {
            messages.show(refused);
        }
    }
}
