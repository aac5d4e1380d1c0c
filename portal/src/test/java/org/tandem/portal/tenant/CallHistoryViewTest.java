package org.tandem.portal.tenant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.tandem.administration.calls.CallEntry;
import org.tandem.portal.error.NotFoundView;
import org.tandem.portal.support.PortalViewTest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OTHER_TENANT_ADMIN_USERNAME;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;

class CallHistoryViewTest extends PortalViewTest {

    @Test
    void showsTheFilteredCallsAndTheirDaysAsAChart() {
        String caller = Integer.toString(5000 + Math.floorMod(UUID.randomUUID().hashCode(), 4000));
        Instant now = Instant.now();
        fixture.recordCall(fixture.globex(), caller, "101", now.minusSeconds(120), now.minusSeconds(110), now.minusSeconds(50),
                "ANSWERED", 200);
        signIn(OTHER_TENANT_ADMIN_USERNAME);
        navigate("tenants/" + fixture.globex() + "/calls");

        _setValue(_get(TextField.class, spec -> spec.withId("calls-number")), caller);
        _click(_get(Button.class, spec -> spec.withId("show-calls")));

        @SuppressWarnings("unchecked")
        Grid<CallEntry> grid = _get(Grid.class, spec -> spec.withId("calls"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._get(grid, 0).talkSeconds()).isEqualTo(60L);
        assertThat(_get(Paragraph.class, spec -> spec.withId("calls-summary")).getText()).isEqualTo("1 call");
        assertThat(_get(Svg.class, spec -> spec.withId("calls-per-day")).getElement().getProperty("innerHTML"))
                .contains(LocalDate.now(ZoneOffset.UTC) + ": 1 calls");
    }

    @Test
    void aRangeEndingBeforeItStartsIsAFieldMessage() {
        signIn(OTHER_TENANT_ADMIN_USERNAME);
        navigate("tenants/" + fixture.globex() + "/calls");

        DatePicker from = _get(DatePicker.class, spec -> spec.withId("calls-from"));
        _setValue(_get(DatePicker.class, spec -> spec.withId("calls-to")), from.getValue().minusDays(1));
        _click(_get(Button.class, spec -> spec.withId("show-calls")));

        assertThat(_get(DatePicker.class, spec -> spec.withId("calls-to")).getErrorMessage())
                .isEqualTo("The last day is before the first");
    }

    @Test
    void anotherTenantsCallsAreNotFound() {
        signIn(TENANT_ADMIN_USERNAME);
        navigate("tenants/" + fixture.globex() + "/calls");
        _assertOne(NotFoundView.class);
    }
}
