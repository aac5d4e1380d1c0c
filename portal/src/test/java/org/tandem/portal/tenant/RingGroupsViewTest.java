package org.tandem.portal.tenant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.tandem.administration.customer.PlanChange;
import org.tandem.administration.ringgroup.RingGroupSummary;
import org.tandem.portal.error.NotFoundView;
import org.tandem.portal.support.PortalViewTest;

import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OTHER_RESELLER_USERNAME;
import static org.tandem.portal.support.TestAccounts.RESELLER_USERNAME;

class RingGroupsViewTest extends PortalViewTest {

    @Test
    void aGroupOfTwoExtensionsIsAddedAndListed() {
        UUID tenant = fixture.newCustomer("Ring Co", 10).id();
        fixture.extensions.importCsv(fixture.actor(RESELLER_USERNAME), tenant, "201,Ann\n202,Ben\n");
        signIn(RESELLER_USERNAME);
        navigate("tenants/" + tenant + "/ring-groups");

        addGroup("600", "Front office", "202");

        Grid<RingGroupSummary> grid = groups();
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).members()).containsExactly("202");

        _click(_get(Button.class, spec -> spec.withId("add-group")));
        assertThat(_get(TextField.class, spec -> spec.withId("group-number")).getErrorMessage())
                .startsWith("extension number must be");
    }

    @Test
    void aGroupPastThePlanIsRefusedInPlainWordsAboveTheForm() {
        UUID tenant = fixture.newCustomer("Ringless Co", 10).id();
        fixture.extensions.importCsv(fixture.actor(RESELLER_USERNAME), tenant, "201,Ann\n");
        fixture.customers.changePlan(fixture.actor(RESELLER_USERNAME), tenant, new PlanChange(10, 5, 5, 0, 20));
        signIn(RESELLER_USERNAME);
        navigate("tenants/" + tenant + "/ring-groups");

        addGroup("600", "Front office", "201");

        assertThat(_get(Paragraph.class, spec -> spec.withId("form-error")).getText())
                .isEqualTo("The plan allows 0 ring groups and 0 exist: delete one, or ask your reseller for a larger plan");
        assertThat(GridKt._size(groups())).isZero();
    }

    @Test
    void anotherResellersTenantIsNotFound() {
        signIn(OTHER_RESELLER_USERNAME);
        navigate("tenants/" + fixture.acme() + "/ring-groups");
        _assertOne(NotFoundView.class);
    }

    /** Fills the form with a group of one member and adds it. */
    private static void addGroup(String number, String name, String member) {
        _setValue(_get(TextField.class, spec -> spec.withId("group-number")), number);
        _setValue(_get(TextField.class, spec -> spec.withId("group-name")), name);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> members = _get(MultiSelectComboBox.class, spec -> spec.withId("group-members"));
        _setValue(members, Set.of(member));
        _click(_get(Button.class, spec -> spec.withId("add-group")));
    }

    @SuppressWarnings("unchecked")
    private static Grid<RingGroupSummary> groups() {
        return _get(Grid.class, spec -> spec.withId("ring-groups"));
    }

}
