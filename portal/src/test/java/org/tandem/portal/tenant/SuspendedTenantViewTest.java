package org.tandem.portal.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.tandem.administration.extension.ExtensionSummary;
import org.tandem.administration.extension.IssuedPortalLogin;
import org.tandem.administration.registration.RegisteredPhone;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.portal.support.PortalViewTest;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.RESELLER_USERNAME;

/**
 * A suspended customer's portal says so on every page of its own logins, and no page calls its
 * phones registered: the registrar refuses them, whatever bindings they still hold.
 */
class SuspendedTenantViewTest extends PortalViewTest {

    private static Paragraph banner() {
        return _get(Paragraph.class, spec -> spec.withId("suspended-banner"));
    }

    private void suspend(UUID tenant) {
        fixture.customers.suspend(fixture.actor(RESELLER_USERNAME), tenant);
    }

    private void resume(UUID tenant) {
        fixture.customers.resume(fixture.actor(RESELLER_USERNAME), tenant);
    }

    @Test
    void itsAdminSeesTheBannerOnEveryPageAndNoPhoneAsRegistered() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Banner Co", 5);
        fixture.extensions.importCsv(fixture.actor(RESELLER_USERNAME), customer.id(), "201,Front desk\n");
        fixture.register(customer.id(), "201", "sip:201@127.0.0.1:5099");
        submitLogin(customer.admin(), customer.password());
        navigate("tenants/" + customer.id() + "/registrations");
        _assertNone(Paragraph.class, spec -> spec.withId("suspended-banner"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("registration-count")).getText()).isEqualTo("1 phone registered");

        suspend(customer.id());
        for (String page : new String[]{"home", "tenants/" + customer.id() + "/extensions",
                "tenants/" + customer.id() + "/ring-groups", "tenants/" + customer.id() + "/active-calls",
                "tenants/" + customer.id() + "/calls", "api-tokens", "account/password"}) {
            navigate(page);
            assertThat(banner().getText()).as(page)
                    .isEqualTo("Banner Co is suspended: its phones are refused (they can neither register nor make or "
                            + "take calls) until your provider resumes it.");
        }
        navigate("tenants/" + customer.id() + "/registrations");
        assertThat(_get(Paragraph.class, spec -> spec.withId("registration-count")).getText())
                .isEqualTo("No phones registered: Banner Co is suspended, so its phones are refused until it is resumed");
        assertThat(SuspendedTenantViewTest.<RegisteredPhone>gridRows("registrations")).isEmpty();

        resume(customer.id());
        navigate("tenants/" + customer.id() + "/registrations");
        _assertNone(Paragraph.class, spec -> spec.withId("suspended-banner"));
        assertThat(SuspendedTenantViewTest.<RegisteredPhone>gridRows("registrations")).extracting(RegisteredPhone::extension)
                .containsExactly("201");
    }

    @Test
    void itsResellerSeesNoPhoneRegisteredAndItsUserSeesTheBanner() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Quiet Co", 5);
        fixture.extensions.importCsv(fixture.actor(RESELLER_USERNAME), customer.id(), "201,Front desk\n");
        ExtensionSummary extension = fixture.extensions.extensions(fixture.actor(RESELLER_USERNAME), customer.id())
                .extensions().getFirst();
        IssuedPortalLogin user = fixture.extensions.createPortalLogin(fixture.actor(customer.admin()), customer.id(),
                extension.id(), fixture.unique("desk@quiet"));
        fixture.register(customer.id(), "201", "sip:201@127.0.0.1:5098");
        suspend(customer.id());

        signIn(RESELLER_USERNAME);
        navigate("tenants/" + customer.id() + "/registrations");
        _assertNone(Paragraph.class, spec -> spec.withId("suspended-banner"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("registration-count")).getText())
                .startsWith("No phones registered: Quiet Co is suspended");
        assertThat(SuspendedTenantViewTest.<RegisteredPhone>gridRows("registrations")).isEmpty();
        navigate("customers/" + customer.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("customer-usage")).getText()).startsWith("0 phones registered now");

        _click(_get(Button.class, spec -> spec.withId("sign-out")));
        submitLogin(user.username(), user.password());
        navigate("my-phone");
        assertThat(banner().getText()).startsWith("Quiet Co is suspended: its phones are refused");
        assertThat(_get(Paragraph.class, spec -> spec.withId("own-phone-count")).getText())
                .isEqualTo("No phones registered: Quiet Co is suspended, so its phones are refused");
        assertThat(SuspendedTenantViewTest.<RegisteredPhone>gridRows("own-phones")).isEmpty();
    }
}
