package org.tandem.portal.customer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.github.mvysny.kaributesting.v10.GridKt;
import org.junit.jupiter.api.Test;
import org.tandem.administration.customer.CustomerSummary;
import org.tandem.portal.error.NoAccessView;
import org.tandem.portal.support.PortalViewTest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OPERATOR_USERNAME;
import static org.tandem.portal.support.TestAccounts.OTHER_RESELLER_USERNAME;
import static org.tandem.portal.support.TestAccounts.RESELLER_USERNAME;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;

class CustomerViewsTest extends PortalViewTest {

    @SuppressWarnings("unchecked")
    private static List<CustomerSummary> listedCustomers() {
        Grid<CustomerSummary> grid = _get(Grid.class, spec -> spec.withId("customers"));
        List<CustomerSummary> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Button actionOfFirstRow() {
        return (Button) GridKt._getCellComponent(_get(Grid.class, spec -> spec.withId("customers")), 0, "actions");
    }

    private static void fill(String id, String value) {
        _setValue(_get(TextField.class, spec -> spec.withId(id)), value);
    }

    @Test
    void aResellerListsAndSearchesItsOwnCustomersOnly() {
        signIn(RESELLER_USERNAME);
        navigate("customers");

        assertThat(listedCustomers()).extracting(CustomerSummary::resellerName).isNotEmpty().containsOnly("Northwind Telecom");
        fill("customer-search", "acme");
        assertThat(listedCustomers()).extracting(CustomerSummary::companyName).containsExactly("Acme Ltd");
        fill("customer-search", "globex");
        assertThat(listedCustomers()).isEmpty();
    }

    @Test
    void onboardingInOneFormLandsOnTheCustomerWithItsDnsRecords() {
        signIn(RESELLER_USERNAME);
        navigate("customers/new");
        _assertNone(ComboBox.class, spec -> spec.withId("reseller"));
        String domain = fixture.unique("onboarded") + ".example.com";

        fill("company", "Onboarded Ltd");
        fill("sip-domain", domain);
        fill("admin-username", fixture.unique("boss@onboarded"));
        _setValue(_get(PasswordField.class, spec -> spec.withId("admin-password")), "Seven-Rivers-Run-91");
        _setValue(_get(IntegerField.class, spec -> spec.withId("max-extensions")), 20);
        _click(_get(Button.class, spec -> spec.withId("create-customer")));

        _assertOne(CustomerView.class);
        assertThat(_get(H2.class, spec -> spec.withId("customer-name")).getText()).isEqualTo("Onboarded Ltd");
        assertThat(_get(Paragraph.class, spec -> spec.withId("customer-status")).getText())
                .startsWith("Active").contains("0 of 20 extensions");
        assertThat(_get(Pre.class, spec -> spec.withId("dns-zone")).getText())
                .contains("_sip._udp." + domain + ". 300 IN SRV 10 0 ")
                .contains("_sip._tcp." + domain + ". 300 IN SRV 10 0 ");
    }

    @Test
    void theFormShowsEachProblemBesideItsField() {
        signIn(RESELLER_USERNAME);
        navigate("customers/new");

        fill("company", "Weak Co");
        fill("sip-domain", "acme.fixture.test");
        fill("admin-username", fixture.unique("weak@co"));
        _setValue(_get(PasswordField.class, spec -> spec.withId("admin-password")), "short");
        _click(_get(Button.class, spec -> spec.withId("create-customer")));

        _assertOne(OnboardingView.class);
        TextField domain = _get(TextField.class, spec -> spec.withId("sip-domain"));
        assertThat(domain.isInvalid()).isTrue();
        assertThat(domain.getErrorMessage()).isEqualTo("This SIP domain is already used by another customer");
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("admin-password"));
        assertThat(password.getErrorMessage()).isEqualTo("Password must be at least 12 characters long");
        assertThat(_get(TextField.class, spec -> spec.withId("company")).isInvalid()).isFalse();
    }

    @Test
    void suspendAndResumeFromTheList() {
        signIn(RESELLER_USERNAME);
        navigate("customers/new");
        String domain = fixture.unique("toggle") + ".example.com";
        fill("company", "Toggle Ltd");
        fill("sip-domain", domain);
        fill("admin-username", fixture.unique("boss@toggle"));
        _setValue(_get(PasswordField.class, spec -> spec.withId("admin-password")), "Seven-Rivers-Run-91");
        _click(_get(Button.class, spec -> spec.withId("create-customer")));
        navigate("customers");
        fill("customer-search", domain);

        assertThat(actionOfFirstRow().getText()).isEqualTo("Suspend");
        _click(actionOfFirstRow());
        _click(_get(Button.class, spec -> spec.withId("confirm-suspend")));
        assertThat(listedCustomers()).singleElement().extracting(CustomerSummary::active).isEqualTo(false);
        assertThat(actionOfFirstRow().getText()).isEqualTo("Resume");
        _click(actionOfFirstRow());
        assertThat(listedCustomers()).singleElement().extracting(CustomerSummary::active).isEqualTo(true);
    }

    @Test
    void anotherResellersCustomerInTheUrlIsNotFound() {
        signIn(OTHER_RESELLER_USERNAME);

        assertNoSuchCustomerAt("customers/" + fixture.acme());
    }

    @Test
    void aTenantAdminCannotOpenTheCustomerPages() {
        signIn(TENANT_ADMIN_USERNAME);

        navigate("customers");
        _assertOne(NoAccessView.class);
        navigate("customers/new");
        _assertOne(NoAccessView.class);
        navigate("customers/" + fixture.acme());
        _assertOne(NoAccessView.class);
    }

    @Test
    void theOperatorPicksTheResellerWhenOnboarding() {
        signIn(OPERATOR_USERNAME);
        navigate("customers/new");

        assertThat(_get(ComboBox.class, spec -> spec.withId("reseller")).isVisible()).isTrue();
        fill("company", "No Reseller Co");
        fill("sip-domain", fixture.unique("noreseller") + ".example.com");
        fill("admin-username", fixture.unique("boss@noreseller"));
        _setValue(_get(PasswordField.class, spec -> spec.withId("admin-password")), "Seven-Rivers-Run-91");
        _click(_get(Button.class, spec -> spec.withId("create-customer")));

        assertThat(_get(ComboBox.class, spec -> spec.withId("reseller")).getErrorMessage())
                .isEqualTo("Choose the reseller that sells this customer");
    }

    @Test
    void aResellerChangesTheCustomersPlanInADialogThatKeepsARefusal() {
        signIn(RESELLER_USERNAME);
        UUID customer = fixture.newCustomer("Plan Co", 5).id();
        fixture.extensions.create(fixture.actor(RESELLER_USERNAME), customer, "201", "Front desk");
        fixture.extensions.create(fixture.actor(RESELLER_USERNAME), customer, "202", "Back office");
        navigate("customers/" + customer);

        _click(_get(Button.class, spec -> spec.withId("change-plan")));
        IntegerField extensions = _get(IntegerField.class, spec -> spec.withId("plan-max-extensions"));
        assertThat(extensions.getValue()).isEqualTo(5);
        _setValue(extensions, 1);
        _click(_get(Button.class, spec -> spec.withId("save-plan")));
        assertThat(extensions.isInvalid()).isTrue();
        assertThat(extensions.getErrorMessage()).isEqualTo("Plan Co has 2 extensions: a plan for 1 needs 1 of them removed first");
        assertThat(_get(Paragraph.class, spec -> spec.withId("customer-status")).getText()).contains("2 of 5 extensions");

        _setValue(extensions, 30);
        _setValue(_get(IntegerField.class, spec -> spec.withId("plan-max-concurrent-calls")), 8);
        _click(_get(Button.class, spec -> spec.withId("save-plan")));

        _assertNone(IntegerField.class, spec -> spec.withId("plan-max-extensions"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("customer-status")).getText())
                .contains("2 of 30 extensions").contains("8 concurrent calls");
    }
}
