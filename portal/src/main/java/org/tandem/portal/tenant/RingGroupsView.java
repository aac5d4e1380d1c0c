package org.tandem.portal.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.extension.ExtensionService;
import org.tandem.administration.extension.ExtensionSummary;
import org.tandem.administration.ringgroup.RingGroupService;
import org.tandem.administration.ringgroup.RingGroupSummary;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.shared.OverPlanException;
import org.tandem.domain.ringgroup.RingGroup;
import org.tandem.domain.ringgroup.RingStrategy;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.Confirmation;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.Forms;
import org.tandem.portal.shared.RouteIds;
import org.tandem.domain.tenant.NotHomeNodeException;

import java.util.List;
import java.util.UUID;

/**
 * A tenant's ring groups: a number that rings several extensions, all at once or one after another
 * (each for the ring time), in the order chosen.
 */
@Route(value = TenantRoute.PATH + "ring-groups", layout = MainLayout.class)
@PageTitle("Ring groups | Tandem")
@RolesAllowed({"OPERATOR", "RESELLER_ADMIN", "TENANT_ADMIN"})
public class RingGroupsView extends VerticalLayout implements BeforeEnterObserver {

    private final RingGroupService ringGroups;
    private final ExtensionService extensions;
    private final Actor actor;
    private final TextField number = new TextField("Number");
    private final TextField name = new TextField("Name");
    private final ComboBox<RingStrategy> strategy = new ComboBox<>("Rings");
    private final IntegerField timeout = new IntegerField("Seconds per member");
    private final MultiSelectComboBox<String> members = new MultiSelectComboBox<>("Members");
    private final FormMessages messages = new FormMessages();
    private final Grid<RingGroupSummary> grid = new Grid<>(RingGroupSummary.class, false);
    private UUID tenantId;

    @Inject
    public RingGroupsView(RingGroupService ringGroups, ExtensionService extensions, CurrentUser currentUser) {
        this.ringGroups = ringGroups;
        this.extensions = extensions;
        this.actor = currentUser.actor();

        number.setId("group-number");
        name.setId("group-name");
        strategy.setId("group-strategy");
        strategy.setItems(RingStrategy.values());
        strategy.setItemLabelGenerator(RingGroupsView::label);
        strategy.setValue(RingStrategy.SIMULTANEOUS);
        timeout.setId("group-timeout");
        timeout.setValue(Math.toIntExact(RingGroup.DEFAULT_MEMBER_TIMEOUT.toSeconds()));
        timeout.setStepButtonsVisible(true);
        members.setId("group-members");
        members.setHelperText("They ring in the order chosen");
        messages.field(RingGroupService.NUMBER, number).field(RingGroupService.NAME, name)
                .field(RingGroupService.TIMEOUT, timeout).field(RingGroupService.MEMBERS, members);
        Button add = Forms.primaryButton("Add ring group", "add-group", this::create);
        HorizontalLayout form = Forms.row(number, name, strategy, timeout, members, add);
        form.setWrap(true);

        grid.setId("ring-groups");
        grid.addColumn(RingGroupSummary::number).setHeader("Number").setAutoWidth(true);
        grid.addColumn(RingGroupSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(group -> label(group.strategy())).setHeader("Rings").setAutoWidth(true);
        grid.addColumn(RingGroupSummary::memberTimeoutSeconds).setHeader("Seconds per member").setAutoWidth(true);
        grid.addColumn(group -> String.join(", ", group.members())).setHeader("Members").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(group -> {
            Button delete = new Button("Delete", click -> new Confirmation(
                    "Delete ring group " + group.number() + " (" + group.name() + ")?",
                    "Calls to " + group.number() + " no longer ring " + String.join(", ", group.members())
                            + ". The extensions themselves are not affected, and the number can be given out again.",
                    "Delete", "confirm-delete-group", () -> {
                        ringGroups.delete(actor, tenantId, group.id());
                        refresh();
                    }).open());
            delete.setId("delete-group-" + group.number());
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return delete;
        }).setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H2("Ring groups"), new Paragraph("A ring group is a number that rings several extensions: all at "
                + "once (the first to answer takes the call) or one after another."), form, messages.general(), grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenantId = RouteIds.get(event, TenantRoute.TENANT_ID);
        members.setItems(extensions.extensions(actor, tenantId).extensions().stream().map(ExtensionSummary::number).toList());
        refresh();
    }

    private void create() {
        try {
            ringGroups.create(actor, tenantId, number.getValue(), name.getValue(), strategy.getValue(),
                    timeout.getValue() == null ? 0 : timeout.getValue(), List.copyOf(members.getSelectedItems()));
            messages.clear();
            number.clear();
            name.clear();
            members.clear();
            refresh();
        } catch (InvalidInputException refused) {
            messages.show(refused);
        } catch (NotHomeNodeException | AccessDeniedException | OverPlanException refused) {
            messages.showGeneral(refused.getMessage());
        }
    }

    private void refresh() {
        grid.setItems(ringGroups.ringGroups(actor, tenantId));
    }

    private static String label(RingStrategy strategy) {
        return switch (strategy) {
            case SIMULTANEOUS -> "all at once";
            case SEQUENTIAL -> "one after another";
        };
    }
}
