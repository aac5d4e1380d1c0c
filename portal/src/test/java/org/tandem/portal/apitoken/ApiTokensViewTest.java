package org.tandem.portal.apitoken;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.portal.error.NoAccessView;
import org.tandem.portal.support.PortalViewTest;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OTHER_TENANT_ADMIN_USERNAME;
import static org.tandem.portal.support.TestAccounts.TENANT_USER_USERNAME;

class ApiTokensViewTest extends PortalViewTest {

    @Test
    void aTokenIsShownOnceAndActsAsItsIssuer() {
        signIn(OTHER_TENANT_ADMIN_USERNAME);
        navigate("api-tokens");

        _setValue(_get(TextField.class, spec -> spec.withId("token-label")), "provisioning");
        _click(_get(Button.class, spec -> spec.withId("create-token")));

        String token = _get(Span.class, spec -> spec.withId("token-text")).getText();
        Actor actor = fixture.apiTokens.authenticate(token).orElseThrow();
        assertThat(actor.tenantId()).isEqualTo(fixture.globex());
        _click(_get(Button.class, spec -> spec.withId("token-done")));
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("api-tokens")))).isPositive();
    }

    @Test
    void aNamelessTokenIsRefusedBesideTheField() {
        signIn(OTHER_TENANT_ADMIN_USERNAME);
        navigate("api-tokens");

        _click(_get(Button.class, spec -> spec.withId("create-token")));

        assertThat(_get(TextField.class, spec -> spec.withId("token-label")).getErrorMessage()).isEqualTo("Token name is required");
    }

    @Test
    void aTenantUserHasNoTokens() {
        signIn(TENANT_USER_USERNAME);
        navigate("api-tokens");
        _assertOne(NoAccessView.class);
    }
}
