package org.tandem.portal.shared;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.tandem.administration.apitoken.ApiTokenSummary;
import org.tandem.administration.extension.ExtensionSummary;
import org.tandem.administration.ringgroup.RingGroupSummary;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.apitoken.ApiTokenStatus;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.SipCredentials;
import org.tandem.domain.ringgroup.RingStrategy;
import org.tandem.storage.jpa.JpaExtensionRepository;
import org.tandem.portal.support.PortalViewTest;

import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.RESELLER_USERNAME;

/**
 * Suspend, New SIP password, ring-group Delete and token Revoke ask first, saying what follows:
 * Cancel leaves everything as it was, the red button acts. A password or token shown once is not lost
 * to Esc or an outside click without a question.
 */
class DestructiveActionsViewTest extends PortalViewTest {

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static String consequences() {
        return _get(Paragraph.class, spec -> spec.withId("confirm-consequences")).getText();
    }

    /** What Esc or a click outside does to the dialog holding {@code inside}: the browser's close action. */
    private static void escape(Component inside) {
        Component dialog = inside;
        while (!(dialog instanceof Dialog)) {
            dialog = dialog.getParent().orElseThrow(() -> new AssertionError(inside + " is in no dialog"));
        }
        ComponentUtil.fireEvent(dialog, new Dialog.DialogCloseActionEvent((Dialog) dialog, true));
    }

    @Test
    void suspendingACustomerAsksFirstAndCancelLeavesItActive() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Pause Co", 5);
        signIn(RESELLER_USERNAME);
        navigate("customers/" + customer.id());

        _click(button("suspend"));
        assertThat(consequences()).startsWith("Phones of Pause Co will be refused until you resume it");
        _click(button("confirm-cancel"));
        _assertNone(Paragraph.class, spec -> spec.withId("confirm-consequences"));
        assertThat(fixture.customers.customer(fixture.actor(RESELLER_USERNAME), customer.id()).summary().active()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("customer-status")).getText()).startsWith("Active");

        _click(button("suspend"));
        _click(button("confirm-suspend"));
        assertThat(fixture.customers.customer(fixture.actor(RESELLER_USERNAME), customer.id()).summary().active()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("customer-status")).getText()).startsWith("Suspended");
    }

    /** The button in the "actions" column of the first row of the grid {@code gridId}. */
    private static Button firstRowAction(String gridId) {
        return (Button) GridKt._getCellComponent(_get(Grid.class, spec -> spec.withId(gridId)), 0, "actions");
    }

    @SuppressWarnings("unchecked")
    private static Button extensionAction(String id) {
        Grid<ExtensionSummary> grid = _get(Grid.class, spec -> spec.withId("extensions"));
        HorizontalLayout buttons = (HorizontalLayout) GridKt._getCellComponent(grid, 0, "actions");
        return (Button) buttons.getChildren().filter(button -> id.equals(button.getId().orElse(null))).findFirst().orElseThrow();
    }

    private SipCredentials storedCredentials(UUID tenant, String number) {
        return fixture.database().fetch(entityManager -> new JpaExtensionRepository(entityManager)
                .find(tenant, new ExtensionNumber(number)).orElseThrow().credentials());
    }

    @Test
    void aNewSipPasswordIsMadeOnlyOnceConfirmed() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Password Co", 5);
        fixture.extensions.importCsv(fixture.actor(RESELLER_USERNAME), customer.id(), "201,Front desk\n");
        SipCredentials before = storedCredentials(customer.id(), "201");
        submitLogin(customer.admin(), customer.password());
        navigate("tenants/" + customer.id() + "/extensions");

        _click(extensionAction("new-password-201"));
        assertThat(consequences()).startsWith("The current password stops working at once: Front desk's phones");
        _click(button("confirm-cancel"));
        _assertNone(Span.class, spec -> spec.withId("sip-password"));
        assertThat(storedCredentials(customer.id(), "201")).isEqualTo(before);

        _click(extensionAction("new-password-201"));
        _click(button("confirm-new-password"));
        String password = _get(Span.class, spec -> spec.withId("sip-password")).getText();
        assertThat(storedCredentials(customer.id(), "201"))
                .isEqualTo(SipCredentials.derive("201", customer.domain(), password.toCharArray()))
                .isNotEqualTo(before);
    }

    @Test
    void aShownOncePasswordIsNotLostToEscapeWithoutAQuestion() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Escape Co", 5);
        submitLogin(customer.admin(), customer.password());
        navigate("tenants/" + customer.id() + "/extensions");
        _setValue(_get(TextField.class, spec -> spec.withId("extension-number")), "201");
        _setValue(_get(TextField.class, spec -> spec.withId("extension-name")), "Front desk");
        _click(button("add-extension"));
        Span password = _get(Span.class, spec -> spec.withId("sip-password"));

        assertShownOnceAsksBeforeClosing(password, "Close without copying the password?");
    }

    /**
     * Esc on the dialog holding {@code secret} asks {@code question}; Cancel keeps the secret on screen,
     * and only the question's Close closes it.
     */
    private static void assertShownOnceAsksBeforeClosing(Span secret, String question) {
        escape(secret);
        assertThat(_get(Paragraph.class, spec -> spec.withId("confirm-consequences")).getText()).startsWith("It is not shown again");
        assertThat(questionDialog().getHeaderTitle()).isEqualTo(question);
        assertThat(secret.isAttached()).as("the secret is still shown").isTrue();
        _click(button("confirm-cancel"));
        _assertNone(Paragraph.class, spec -> spec.withId("confirm-consequences"));
        assertThat(secret.isAttached()).as("the secret is still shown after Cancel").isTrue();

        escape(secret);
        _click(button("close-uncopied"));
        assertThat(secret.isAttached()).as("the secret's dialog closed").isFalse();
    }

    private static Dialog questionDialog() {
        Component dialog = _get(Paragraph.class, spec -> spec.withId("confirm-consequences"));
        while (!(dialog instanceof Dialog)) {
            dialog = dialog.getParent().orElseThrow();
        }
        return (Dialog) dialog;
    }

    @Test
    void aShownOncePortalPasswordAndApiTokenAreNotLostToEscapeEither() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Escape Login Co", 5);
        fixture.extensions.importCsv(fixture.actor(RESELLER_USERNAME), customer.id(), "201,Front desk\n");
        submitLogin(customer.admin(), customer.password());
        navigate("tenants/" + customer.id() + "/extensions");
        _click(extensionAction("portal-login-201"));
        _setValue(_get(TextField.class, spec -> spec.withId("login-username")), fixture.unique("desk@escape"));
        _click(button("create-login"));
        assertShownOnceAsksBeforeClosing(_get(Span.class, spec -> spec.withId("issued-login-password")),
                "Close without copying the password?");

        navigate("api-tokens");
        _setValue(_get(TextField.class, spec -> spec.withId("token-name")), "billing sync");
        _click(button("create-token"));
        assertShownOnceAsksBeforeClosing(_get(Span.class, spec -> spec.withId("token-text")),
                "Close without copying the token?");
    }

    @Test
    void aRingGroupIsDeletedOnlyOnceConfirmed() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Group Co", 5);
        fixture.extensions.importCsv(fixture.actor(RESELLER_USERNAME), customer.id(), "201,Ann\n202,Ben\n");
        fixture.ringGroups.create(fixture.actor(RESELLER_USERNAME), customer.id(), "600", "Sales",
                RingStrategy.SIMULTANEOUS, 20, List.of("201", "202"));
        signIn(RESELLER_USERNAME);
        navigate("tenants/" + customer.id() + "/ring-groups");

        assertThat(firstRowAction("ring-groups").getId()).hasValue("delete-group-600");
        _click(firstRowAction("ring-groups"));
        assertThat(consequences()).startsWith("Calls to 600 no longer ring 201, 202.");
        _click(button("confirm-cancel"));
        assertThat(DestructiveActionsViewTest.<RingGroupSummary>gridRows("ring-groups")).extracting(RingGroupSummary::number)
                .containsExactly("600");
        assertThat(fixture.ringGroups.ringGroups(fixture.actor(RESELLER_USERNAME), customer.id())).hasSize(1);

        _click(firstRowAction("ring-groups"));
        _click(button("confirm-delete-group"));
        assertThat(DestructiveActionsViewTest.<RingGroupSummary>gridRows("ring-groups")).isEmpty();
        assertThat(fixture.ringGroups.ringGroups(fixture.actor(RESELLER_USERNAME), customer.id())).isEmpty();
    }

    @Test
    void anApiTokenIsRevokedOnlyOnceConfirmed() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Token Co", 5);
        submitLogin(customer.admin(), customer.password());
        navigate("api-tokens");
        _setValue(_get(TextField.class, spec -> spec.withId("token-name")), "billing sync");
        _click(button("create-token"));
        _click(button("token-done"));
        ApiTokenSummary token = DestructiveActionsViewTest.<ApiTokenSummary>gridRows("api-tokens").getFirst();
        assertThat(firstRowAction("api-tokens").getId()).hasValue("revoke-" + token.id());

        _click(firstRowAction("api-tokens"));
        assertThat(consequences()).startsWith("Programs using it (it starts with " + token.prefix() + ") are refused");
        _click(button("confirm-cancel"));
        assertThat(DestructiveActionsViewTest.<ApiTokenSummary>gridRows("api-tokens").getFirst().status())
                .isEqualTo(ApiTokenStatus.ACTIVE);

        _click(firstRowAction("api-tokens"));
        _click(button("confirm-revoke"));
        assertThat(DestructiveActionsViewTest.<ApiTokenSummary>gridRows("api-tokens").getFirst().status())
                .isEqualTo(ApiTokenStatus.REVOKED);
    }
}
