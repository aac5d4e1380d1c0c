package org.tandem.portal.customer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import org.tandem.administration.access.Actor;
import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.customer.CustomerSummary;
import org.tandem.administration.customer.PlanChange;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.domain.tenant.NotHomeNodeException;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.Forms;

import java.util.function.Consumer;

/**
 * Moves a customer to another plan: its limits, filled in with the current ones. A refusal
 * (a limit out of bounds, fewer extensions than in use, another node is the customer's home) stays
 * in the dialog with nothing changed.
 */
final class PlanDialog extends Dialog {

    private final IntegerField maxExtensions = limit("Extensions", "plan-max-extensions");
    private final IntegerField maxConcurrentCalls = limit("Concurrent calls", "plan-max-concurrent-calls");
    private final IntegerField maxCallsPerSecond = limit("New calls per second", "plan-max-calls-per-second");
    private final IntegerField maxRingGroups = limit("Ring groups", "plan-max-ring-groups");
    private final IntegerField maxRingGroupMembers = limit("Members per ring group", "plan-max-ring-group-members");
    private final FormMessages messages = new FormMessages();

    /** @param changed told of the customer as it is once the new plan is in force */
    PlanDialog(CustomerService customers, Actor actor, CustomerSummary customer, Consumer<CustomerSummary> changed) {
        setHeaderTitle("Plan of " + customer.companyName());
        maxExtensions.setValue(customer.maxExtensions());
        maxExtensions.setHelperText(customer.extensions() + " in use");
        maxConcurrentCalls.setValue(customer.maxConcurrentCalls());
        maxCallsPerSecond.setValue(customer.maxCallsPerSecond());
        maxRingGroups.setValue(customer.maxRingGroups());
        maxRingGroups.setMin(0);
        maxRingGroupMembers.setValue(customer.maxRingGroupMembers());
        messages.field(PlanChange.PLAN, maxExtensions);
        add(new Paragraph("The new limits apply on every node within moments; calls up now go on."),
                new FormLayout(maxExtensions, maxConcurrentCalls, maxCallsPerSecond, maxRingGroups,
                        maxRingGroupMembers), messages.general());
        Button save = Forms.primaryButton("Change plan", "save-plan", () -> {
            try {
                CustomerSummary now = customers.changePlan(actor, customer.id(), new PlanChange(valueOf(maxExtensions),
                        valueOf(maxConcurrentCalls), valueOf(maxCallsPerSecond), valueOf(maxRingGroups),
                        valueOf(maxRingGroupMembers)));
                close();
                changed.accept(now);
            } catch (InvalidInputException refused) {
                messages.show(refused);
            } catch (NotHomeNodeException refused) {
                messages.showGeneral(refused.getMessage() + ". Nothing was changed.");
            }
        });
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
    }

    private static IntegerField limit(String label, String id) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setMin(1);
        field.setStepButtonsVisible(true);
        return field;
    }

    /** An empty number is 0, which the plan's check refuses with its own message. */
    private static int valueOf(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }
}
