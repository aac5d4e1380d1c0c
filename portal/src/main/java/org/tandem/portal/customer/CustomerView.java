package org.tandem.portal.customer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.customer.Customer;
import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.customer.CustomerSummary;
import org.tandem.administration.customer.DnsRecord;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.RouteIds;
import org.tandem.portal.tenant.ActiveCallsView;
import org.tandem.portal.tenant.CallHistoryView;
import org.tandem.portal.tenant.ExtensionsView;
import org.tandem.portal.tenant.RegistrationsView;
import org.tandem.portal.tenant.RingGroupsView;

import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One customer: plan (with its change) and usage, status with suspend/resume, its admin logins, and
 * the DNS records its SIP domain needs, ready to paste into a zone file.
 */
@Route(value = "customers/:tenantId" + RouteIds.UUID_PATTERN, layout = MainLayout.class)
@PageTitle("Customer | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN"})
public class CustomerView extends VerticalLayout implements BeforeEnterObserver {

    private final CustomerService customers;
    private final Actor actor;
    private UUID tenantId;

    @Inject
    public CustomerView(CustomerService customers, CurrentUser currentUser) {
        this.customers = customers;
        this.actor = currentUser.actor();
    }

    public static RouteParameters parameters(UUID tenantId) {
        return new RouteParameters("tenantId", tenantId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenantId = RouteIds.get(event, "tenantId");
        show(customers.customer(actor, tenantId));
    }

    private void show(Customer customer) {
        removeAll();
        CustomerSummary summary = customer.summary();
        H2 title = new H2(summary.companyName());
        title.setId("customer-name");
        Paragraph facts = new Paragraph("SIP domain " + summary.sipDomain() + " · pool " + summary.poolName()
                + " · reseller " + summary.resellerName());
        Paragraph status = new Paragraph((summary.active() ? "Active" : "Suspended: its phones are refused")
                + " · " + summary.extensions() + " of " + summary.maxExtensions() + " extensions · "
                + summary.maxConcurrentCalls() + " concurrent calls · " + summary.maxCallsPerSecond() + " calls per second");
        Paragraph usage = new Paragraph(summary.registeredPhones() + " phones registered now · "
                + summary.recentCalls()
                + " calls and " + summary.recentTalkMinutes() + " minutes talked in the last " + CustomerService.USAGE_DAYS
                + " days");
        usage.setId("customer-usage");
        status.setId("customer-status");
        Button toggle = summary.active()
                ? new Button("Suspend", click -> Suspension.confirmation(summary, () -> {
                    customers.suspend(actor, tenantId);
                    show(customers.customer(actor, tenantId));
                }).open())
                : new Button("Resume", click -> {
                    customers.resume(actor, tenantId);
                    show(customers.customer(actor, tenantId));
                });
        toggle.setId(summary.active() ? "suspend" : "resume");
        Button changePlan = new Button("Change plan", click -> new PlanDialog(customers, actor, summary,
                changed -> show(customers.customer(actor, tenantId))).open());
        changePlan.setId("change-plan");
        HorizontalLayout links = new HorizontalLayout(
                new RouterLink("Extensions", ExtensionsView.class, CustomerView.parameters(tenantId)),
                new RouterLink("Ring groups", RingGroupsView.class, CustomerView.parameters(tenantId)),
                new RouterLink("Registered phones", RegistrationsView.class, CustomerView.parameters(tenantId)),
                new RouterLink("Active calls", ActiveCallsView.class, CustomerView.parameters(tenantId)),
                new RouterLink("Call history", CallHistoryView.class, CustomerView.parameters(tenantId)));
        Paragraph admins = new Paragraph("Admin logins: " + String.join(", ", customer.adminUsernames()));
        admins.setId("customer-admins");

        Grid<DnsRecord> records = new Grid<>(DnsRecord.class, false);
        records.setId("dns-records");
        records.addColumn(DnsRecord::name).setHeader("Name").setAutoWidth(true);
        records.addColumn(DnsRecord::ttl).setHeader("TTL").setAutoWidth(true);
        records.addColumn(DnsRecord::type).setHeader("Type").setAutoWidth(true);
        records.addColumn(DnsRecord::value).setHeader("Value").setAutoWidth(true);
        records.setItems(customer.dnsRecords());
        records.setAllRowsVisible(true);
        Pre zone = new Pre(customer.dnsRecords().stream().map(DnsRecord::zoneLine).collect(Collectors.joining("\n")));
        zone.setId("dns-zone");

        add(title, facts, status, usage, new HorizontalLayout(toggle, changePlan), links, admins, new H3("DNS records for " + summary.sipDomain()),
                new Paragraph("Publish these in the customer's DNS so phones find the pool: the primary node first "
                        + "(priority 10), the secondary when the primary is down (20)."), records, zone);
    }
}
