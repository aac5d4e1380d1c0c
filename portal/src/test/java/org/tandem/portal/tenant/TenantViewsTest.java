package org.tandem.portal.tenant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.administration.extension.ExtensionSummary;
import org.tandem.administration.extension.ImportProblem;
import org.tandem.administration.registration.RegisteredPhone;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.SipCredentials;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jpa.JpaExtensionRepository;
import org.tandem.portal.security.SignIn;
import org.tandem.portal.support.PortalViewTest;

import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OTHER_TENANT_ADMIN_USERNAME;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;

class TenantViewsTest extends PortalViewTest {

    /** A customer of its own for a test that changes extensions, with its admin signed in; returns its id. */
    private UUID signInToNewCustomer(int maxExtensions) {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("View Co", maxExtensions);
        submitLogin(customer.admin(), customer.password());
        navigate("tenants/" + customer.id() + "/extensions");
        return customer.id();
    }

    private static void addExtension(String number, String name) {
        _setValue(_get(TextField.class, spec -> spec.withId("extension-number")), number);
        _setValue(_get(TextField.class, spec -> spec.withId("extension-name")), name);
        _click(_get(Button.class, spec -> spec.withId("add-extension")));
    }

    @Test
    void aNewExtensionsPasswordIsShownOnceAndWorksForItsSipUser() {
        UUID tenant = signInToNewCustomer(5);

        addExtension("201", "Front desk");

        String sipUser = _get(Span.class, spec -> spec.withId("sip-user")).getText();
        String password = _get(Span.class, spec -> spec.withId("sip-password")).getText();
        assertThat(sipUser).startsWith("201@view");
        String domain = sipUser.substring(4);
        assertThat(password).hasSize(20);
        SipCredentials stored = fixture.database().fetch(entityManager -> new JpaExtensionRepository(entityManager)
                .find(tenant, new ExtensionNumber("201")).orElseThrow().credentials());
        assertThat(stored).isEqualTo(SipCredentials.derive("201", domain, password.toCharArray()));
        _click(_get(Button.class, spec -> spec.withId("credentials-done")));
        _assertNone(Span.class, spec -> spec.withId("sip-password"));
        assertThat(TenantViewsTest.<ExtensionSummary>gridRows("extensions")).extracting(ExtensionSummary::displayName)
                .containsExactly("Front desk");
        assertThat(_get(Paragraph.class, spec -> spec.withId("extension-usage")).getText()).startsWith("1 of 5");
    }

    @Test
    void aNewExtensionsVoicemailPinIsShownOnceBesideThePasswordAndOpensItsMailbox() {
        UUID tenant = signInToNewCustomer(5);

        addExtension("201", "Front desk");

        String pin = _get(Span.class, spec -> spec.withId("voicemail-pin")).getText();
        assertThat(pin).matches("[0-9]{6}");
        Mailbox mailbox = new JdbcMailboxes(fixture.database().dataSource()).find(tenant, "201").orElseThrow();
        assertThat(mailbox.settings().enabled()).isTrue();
        assertThat(mailbox.pin().matches(pin)).isTrue();
        _click(_get(Button.class, spec -> spec.withId("credentials-done")));
        _assertNone(Span.class, spec -> spec.withId("voicemail-pin"));

        _click(action("new-password-201"));
        _click(_get(Button.class, spec -> spec.withId("confirm-new-password")));
        _assertOne(Span.class, spec -> spec.withId("sip-password"));
        _assertNone(Span.class, spec -> spec.withId("voicemail-pin"));
    }

    @SuppressWarnings("unchecked")
    private static Button action(String id) {
        Grid<ExtensionSummary> grid = _get(Grid.class, spec -> spec.withId("extensions"));
        HorizontalLayout buttons = (HorizontalLayout) GridKt._getCellComponent(grid, 0, "actions");
        return (Button) buttons.getChildren().filter(button -> id.equals(button.getId().orElse(null))).findFirst().orElseThrow();
    }

    @Test
    void anExtensionIsRenamedGivenANewPasswordAndDeletedFromItsRow() {
        signInToNewCustomer(5);
        addExtension("201", "Front desk");
        String first = _get(Span.class, spec -> spec.withId("sip-password")).getText();
        _click(_get(Button.class, spec -> spec.withId("credentials-done")));

        _click(action("rename-201"));
        _setValue(_get(TextField.class, spec -> spec.withId("new-name")), "Reception");
        _click(_get(Button.class, spec -> spec.withId("save-name")));
        assertThat(TenantViewsTest.<ExtensionSummary>gridRows("extensions")).extracting(ExtensionSummary::displayName)
                .containsExactly("Reception");

        _click(action("new-password-201"));
        _click(_get(Button.class, spec -> spec.withId("confirm-new-password")));
        assertThat(_get(Span.class, spec -> spec.withId("sip-password")).getText()).hasSize(20).isNotEqualTo(first);
        _click(_get(Button.class, spec -> spec.withId("credentials-done")));

        _click(action("delete-201"));
        _click(_get(Button.class, spec -> spec.withId("confirm-delete")));
        assertThat(TenantViewsTest.<ExtensionSummary>gridRows("extensions")).isEmpty();
    }

    @Test
    void anExtensionsPortalLoginIsMadeInADialogSignsInToMyPhoneAndIsRemoved() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Login View Co", 5);
        submitLogin(customer.admin(), customer.password());
        navigate("tenants/" + customer.id() + "/extensions");
        addExtension("201", "Front desk");
        _click(_get(Button.class, spec -> spec.withId("credentials-done")));

        _click(action("portal-login-201"));
        TextField username = _get(TextField.class, spec -> spec.withId("login-username"));
        _setValue(username, customer.admin());
        _click(_get(Button.class, spec -> spec.withId("create-login")));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("This username is already taken");

        String login = fixture.unique("desk@loginview");
        _setValue(username, login);
        _click(_get(Button.class, spec -> spec.withId("create-login")));
        assertThat(_get(Span.class, spec -> spec.withId("issued-login")).getText()).isEqualTo(login);
        String password = _get(Span.class, spec -> spec.withId("issued-login-password")).getText();
        assertThat(password).hasSize(20);
        _click(_get(Button.class, spec -> spec.withId("issued-login-done")));
        _assertNone(Span.class, spec -> spec.withId("issued-login-password"));
        assertThat(TenantViewsTest.<ExtensionSummary>gridRows("extensions")).extracting(ExtensionSummary::portalLogin)
                .containsExactly(login);

        _click(_get(Button.class, spec -> spec.withId("sign-out")));
        submitLogin(login, password);
        navigate("my-phone");
        assertThat(_get(H2.class, spec -> spec.withId("own-extension")).getText()).isEqualTo("My phone: 201 Front desk");

        _click(_get(Button.class, spec -> spec.withId("sign-out")));
        submitLogin(customer.admin(), customer.password());
        navigate("tenants/" + customer.id() + "/extensions");
        _click(action("remove-login-201"));
        _click(_get(Button.class, spec -> spec.withId("confirm-remove-login")));
        assertThat(TenantViewsTest.<ExtensionSummary>gridRows("extensions")).extracting(ExtensionSummary::portalLogin)
                .containsOnlyNulls();
        action("portal-login-201");
        _click(_get(Button.class, spec -> spec.withId("sign-out")));
        assertThat(submitLogin(login, password)).as("the removed login no longer signs in")
                .isInstanceOf(SignIn.Refused.class);
    }

    @Test
    void aDuplicateNumberAndAFullPlanGetClearMessages() {
        signInToNewCustomer(1);
        addExtension("201", "Front desk");
        _click(_get(Button.class, spec -> spec.withId("credentials-done")));

        addExtension("201", "Again");
        TextField number = _get(TextField.class, spec -> spec.withId("extension-number"));
        assertThat(number.isInvalid()).isTrue();
        assertThat(number.getErrorMessage()).isEqualTo("Extension 201 already exists");

        addExtension("202", "One too many");
        assertThat(_get(Paragraph.class, spec -> spec.withId("form-error")).getText())
                .isEqualTo("The plan allows 1 extensions and 1 exist: delete some, or ask your reseller for a larger plan");
        assertThat(TenantViewsTest.<ExtensionSummary>gridRows("extensions")).hasSize(1);
    }

    @Test
    void aCsvWithBadLinesListsThemAndCreatesNothing() {
        UUID tenant = signInToNewCustomer(10);

        _setValue(_get(TextArea.class, spec -> spec.withId("csv")), "301,Ann\n30x,Bad\n");
        _click(_get(Button.class, spec -> spec.withId("import-csv")));

        assertThat(TenantViewsTest.<ImportProblem>gridRows("import-problems")).extracting(ImportProblem::line).containsExactly(2);
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-problem-count")).getText())
                .isEqualTo("Nothing was imported: 1 problem");
        assertThat(TenantViewsTest.<ExtensionSummary>gridRows("extensions")).isEmpty();

        _setValue(_get(TextArea.class, spec -> spec.withId("csv")), "301,Ann\n302,Ben\n");
        _click(_get(Button.class, spec -> spec.withId("import-csv")));
        assertThat(TenantViewsTest.<ExtensionSummary>gridRows("extensions")).extracting(ExtensionSummary::number)
                .containsExactly("301", "302");
        _assertNone(Grid.class, spec -> spec.withId("import-problems"));
        Grid<?> issued = _get(Grid.class, spec -> spec.withId("issued-credentials"));
        for (int row = 0; row < 2; row++) {
            String pin = GridKt._getFormatted(issued, row, "voicemail-pin");
            String number = GridKt._getFormatted(issued, row, "sip-user").substring(0, 3);
            assertThat(new JdbcMailboxes(fixture.database().dataSource()).find(tenant, number).orElseThrow().pin()
                    .matches(pin)).as(number).isTrue();
        }
    }

    @Test
    void editingTheTenantIdInTheUrlNeverReachesAnotherTenant() {
        signIn(TENANT_ADMIN_USERNAME);

        navigate("tenants/" + fixture.acme() + "/extensions");
        assertThat(_get(H2.class, spec -> spec.withId("tenant-name")).getText()).isEqualTo("Extensions of Acme Ltd");

        for (String path : List.of("tenants/" + fixture.globex() + "/extensions",
                "tenants/" + fixture.globex() + "/registrations",
                "tenants/" + UUID.randomUUID() + "/extensions")) {
            assertNoSuchCustomerAt(path);
        }
    }

    @Test
    void theRegisteredPhonesArePushedAsTheyChangeWithoutAReload() throws Exception {
        signIn(OTHER_TENANT_ADMIN_USERNAME);
        navigate("tenants/" + fixture.globex() + "/registrations");
        String contact = "sip:101@127.0.0.1:" + (30000 + Math.floorMod(UUID.randomUUID().hashCode(), 10000));

        UUID binding = registerUntilShown(fixture.globex(), "101", contact, "registrations");
        assertThat(phoneShown("registrations", contact)).as("the new binding was pushed to the view").isTrue();
        assertThat(TenantViewsTest.<RegisteredPhone>gridRows("registrations"))
                .filteredOn(phone -> phone.contact().equals(contact)).singleElement()
                .extracting(RegisteredPhone::displayName).isEqualTo("Gary Green");

        fixture.unregister(binding);
        awaitPush(() -> !phoneShown("registrations", contact));
        assertThat(phoneShown("registrations", contact)).as("the removed binding left the view").isFalse();
    }
}
