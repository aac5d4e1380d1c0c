package org.tandem.portal.customer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.customer.CustomerSummary;
import org.tandem.domain.account.Role;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.Forms;

/** A reseller's customers (every customer for the operator): search, open, suspend, resume. */
@Route(value = "customers", layout = MainLayout.class)
@PageTitle("Customers | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN"})
public class CustomersView extends VerticalLayout {

    private final CustomerService customers;
    private final Actor actor;
    private final TextField search = new TextField();
    private final Grid<CustomerSummary> grid = new Grid<>(CustomerSummary.class, false);

    @Inject
    public CustomersView(CustomerService customers, CurrentUser currentUser) {
        this.customers = customers;
        this.actor = currentUser.actor();

        search.setId("customer-search");
        search.setPlaceholder("Search by company or SIP domain");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24em");
        search.addValueChangeListener(change -> refresh());
        Button onboard = Forms.primaryButton("Onboard a customer", "onboard",
                () -> getUI().ifPresent(ui -> ui.navigate(OnboardingView.class)));
        HorizontalLayout tools = Forms.row(search, onboard);

        grid.setId("customers");
        grid.addComponentColumn(customer -> new RouterLink(customer.companyName(), CustomerView.class,
                CustomerView.parameters(customer.id()))).setHeader("Company").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(CustomerSummary::sipDomain).setHeader("SIP domain").setAutoWidth(true);
        grid.addColumn(customer -> customer.active() ? "Active" : "Suspended").setHeader("Status").setAutoWidth(true);
        grid.addColumn(customer -> customer.extensions() + " / " + customer.maxExtensions())
                .setHeader("Extensions").setAutoWidth(true);
        grid.addColumn(CustomerSummary::registeredPhones).setHeader("Phones now").setAutoWidth(true);
        grid.addColumn(CustomerSummary::recentCalls).setHeader("Calls, " + CustomerService.USAGE_DAYS + " days").setAutoWidth(true);
        grid.addColumn(CustomerSummary::recentTalkMinutes).setHeader("Minutes, " + CustomerService.USAGE_DAYS + " days")
                .setAutoWidth(true);
        grid.addColumn(CustomerSummary::poolName).setHeader("Pool").setAutoWidth(true);
        if (actor.is(Role.OPERATOR)) {
            grid.addColumn(CustomerSummary::resellerName).setHeader("Reseller").setAutoWidth(true);
        }
        grid.addComponentColumn(this::suspendOrResume).setKey("actions").setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H2("Customers"), tools, grid);
        refresh();
    }

    private Button suspendOrResume(CustomerSummary customer) {
        Button button = customer.active()
                ? new Button("Suspend", click -> Suspension.confirmation(customer, () -> {
                    customers.suspend(actor, customer.id());
                    refresh();
                }).open())
                : new Button("Resume", click -> {
                    customers.resume(actor, customer.id());
                    refresh();
                });
        button.setId((customer.active() ? "suspend-" : "resume-") + customer.sipDomain());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void refresh() {
        grid.setItems(customers.search(actor, search.getValue()));
    }
}
