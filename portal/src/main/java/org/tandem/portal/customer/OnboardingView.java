package org.tandem.portal.customer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.account.PasswordStrength;
import org.tandem.administration.customer.Customer;
import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.customer.CustomerService.ResellerChoice;
import org.tandem.administration.customer.Onboarding;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.domain.account.Role;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.FormMessages;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.portal.shared.Forms;

import java.util.Arrays;

/**
 * Onboarding in one form: the company, its SIP domain, its first admin login and its plan. The
 * service places it in the least-loaded pool; the customer's page then shows the DNS records to publish.
 */
@Route(value = "customers/new", layout = MainLayout.class)
@PageTitle("Onboard a customer | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN"})
public class OnboardingView extends VerticalLayout {

    private final CustomerService customers;
    private final Actor actor;
    private final ComboBox<ResellerChoice> reseller = new ComboBox<>("Reseller");
    private final TextField company = new TextField("Company");
    private final TextField sipDomain = new TextField("SIP domain");
    private final TextField adminUsername = new TextField("Admin login");
    private final PasswordField adminPassword = new PasswordField("Admin password");
    private final IntegerField maxExtensions = new IntegerField("Extensions");
    private final IntegerField maxConcurrentCalls = new IntegerField("Concurrent calls");
    private final IntegerField maxCallsPerSecond = new IntegerField("New calls per second");
    private final FormMessages messages = new FormMessages();

    @Inject
    public OnboardingView(CustomerService customers, CurrentUser currentUser) {
        this.customers = customers;
        this.actor = currentUser.actor();

        reseller.setId("reseller");
        reseller.setItems(customers.resellers(actor));
        reseller.setItemLabelGenerator(ResellerChoice::name);
        reseller.setVisible(actor.is(Role.OPERATOR));
        company.setId("company");
        sipDomain.setId("sip-domain");
        sipDomain.setHelperText("The DNS name phones register to, like pbx.example.com");
        adminUsername.setId("admin-username");
        adminPassword.setId("admin-password");
        adminPassword.setHelperText("At least " + PasswordStrength.MIN_LENGTH + " characters, mixing letters, "
                + "digits and symbols, or " + PasswordStrength.PASSPHRASE_LENGTH + " or more");
        plan(maxExtensions, "max-extensions", 50);
        plan(maxConcurrentCalls, "max-concurrent-calls", 10);
        plan(maxCallsPerSecond, "max-calls-per-second", 5);
        messages.field(Onboarding.RESELLER, reseller)
                .field(Onboarding.COMPANY, company)
                .field(Onboarding.SIP_DOMAIN, sipDomain)
                .field(Onboarding.ADMIN_USERNAME, adminUsername)
                .field(Onboarding.ADMIN_PASSWORD, adminPassword)
                .field(Onboarding.PLAN, maxExtensions);

        FormLayout form = new FormLayout(reseller, company, sipDomain, adminUsername, adminPassword,
                maxExtensions, maxConcurrentCalls, maxCallsPerSecond);
        form.setMaxWidth("48em");
        Button create = Forms.primaryButton("Create customer", "create-customer", this::create);
        add(new H2("Onboard a customer"), new Paragraph("Creates the customer, its admin login, and places it "
                + "in the pool with the most room."), form, messages.general(), create);
    }

    private static void plan(IntegerField field, String id, int suggested) {
        field.setId(id);
        field.setValue(suggested);
        field.setMin(1);
        field.setStepButtonsVisible(true);
    }

    private void create() {
        char[] password = adminPassword.getValue().toCharArray();
        try {
            Customer customer = customers.onboard(actor, new Onboarding(
                    reseller.getOptionalValue().map(ResellerChoice::id).orElse(null), company.getValue(),
                    sipDomain.getValue(), adminUsername.getValue(), password, valueOf(maxExtensions),
                    valueOf(maxConcurrentCalls), valueOf(maxCallsPerSecond)));
            getUI().ifPresent(ui -> ui.navigate(CustomerView.class, CustomerView.parameters(customer.summary().id())));
        } catch (InvalidInputException refused) {
            messages.show(refused);
        } catch (AlreadyTakenException | NotHomeNodeException refused) {
            messages.showGeneral(refused.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** An empty or unreadable number is 0, which the plan's check refuses with its own message. */
    private static int valueOf(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }
}
