package org.tandem.portal.apitoken;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.tandem.administration.apitoken.ApiTokenSummary;
import org.tandem.administration.apitoken.AuthenticationFailedException;
import org.tandem.domain.apitoken.ApiTokenStatus;
import org.tandem.portal.error.NoAccessView;
import org.tandem.portal.support.PortalViewTest;

import java.time.Duration;
import java.time.Instant;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.portal.support.TestAccounts.OTHER_TENANT_ADMIN_USERNAME;
import static org.tandem.portal.support.TestAccounts.TENANT_USER_USERNAME;

class ApiTokensViewTest extends PortalViewTest {

    @Test
    void aTokenIsShownOnceActsAsItsMakerAndStopsWhenRevoked() {
        signIn(OTHER_TENANT_ADMIN_USERNAME);
        navigate("api-tokens");

        _setValue(_get(TextField.class, spec -> spec.withId("token-name")), "provisioning");
        _setValue(_get(ComboBox.class, spec -> spec.withId("token-validity")), ApiTokensView.Validity.THIRTY_DAYS);
        _click(_get(Button.class, spec -> spec.withId("create-token")));

        String token = _get(Span.class, spec -> spec.withId("token-text")).getText();
        assertThat(token).matches("tdm_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
        assertThat(fixture.apiAuthentication.bearer(token, "portal-test").tenantId()).isEqualTo(fixture.globex());
        _click(_get(Button.class, spec -> spec.withId("token-done")));
        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> grid = _get(Grid.class, spec -> spec.withId("api-tokens"));
        ApiTokenSummary listed = GridKt._get(grid, 0);
        assertThat(listed.name()).isEqualTo("provisioning");
        assertThat(listed.owner()).isEqualTo(OTHER_TENANT_ADMIN_USERNAME);
        assertThat(listed.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
        assertThat(listed.status()).isEqualTo(ApiTokenStatus.ACTIVE);

        _click((Button) GridKt._getCellComponent(grid, 0, "actions"));
        _click(_get(Button.class, spec -> spec.withId("confirm-revoke")));
        assertThat(GridKt._get(grid, 0).status()).isEqualTo(ApiTokenStatus.REVOKED);
        assertThatThrownBy(() -> fixture.apiAuthentication.bearer(token, "portal-test"))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageStartingWith("The API token was revoked");
    }

    @Test
    void aNamelessTokenIsRefusedBesideTheField() {
        signIn(OTHER_TENANT_ADMIN_USERNAME);
        navigate("api-tokens");

        _click(_get(Button.class, spec -> spec.withId("create-token")));

        assertThat(_get(TextField.class, spec -> spec.withId("token-name")).getErrorMessage()).isEqualTo("Token name is required");
    }

    @Test
    void aTenantUserHasNoTokens() {
        signIn(TENANT_USER_USERNAME);
        navigate("api-tokens");
        _assertOne(NoAccessView.class);
    }
}
