package org.tandem.portal.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.portal.support.PortalViewTest;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.RESELLER_USERNAME;

/**
 * A suspended customer's admin signs in and sees its extensions, but a change is refused in plain
 * words: on the form that asked for it, or in a notification for a row's button.
 */
class SuspendedTenantWritesViewTest extends PortalViewTest {

    private static final String SUSPENDED = "Your company's service is suspended: its settings can be seen but not"
            + " changed until your provider resumes it";

    @Test
    void aSuspendedCustomersAdminIsToldOnTheFormThatNothingCanBeChanged() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Dormant Co", 5);
        fixture.customers.suspend(fixture.actor(RESELLER_USERNAME), customer.id());
        submitLogin(customer.admin(), customer.password());
        navigate("tenants/" + customer.id() + "/extensions");

        _setValue(_get(TextField.class, spec -> spec.withId("extension-number")), "201");
        _setValue(_get(TextField.class, spec -> spec.withId("extension-name")), "Alice");
        _click(_get(Button.class, spec -> spec.withId("add-extension")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("form-error")).getText()).isEqualTo(SUSPENDED);
        assertThat(fixture.extensions.extensions(fixture.actor(customer.admin()), customer.id()).extensions()).isEmpty();
    }

    @Test
    void aRefusalOutsideAFormIsToldInANotification() {
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(
                new IllegalStateException("wrapped", new AccessDeniedException(SUSPENDED))));

        Notification shown = _get(Notification.class, spec -> spec.withId("not-allowed"));
        assertThat(shown.isOpened()).isTrue();
        assertThat(shown.getElement().getProperty("text")).isEqualTo(SUSPENDED + ". Nothing was changed.");
    }
}
