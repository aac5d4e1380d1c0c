package org.tandem.portal.shared;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The look every form shares: its main action stands out, and controls side by side line up on their text. */
public final class Forms {

    private Forms() {
    }

    /** The button of a form's or dialog's main action, found by {@code id} in tests. */
    public static Button primaryButton(String label, String id, Runnable action) {
        Button button = new Button(label, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    /** The red button of an action that cannot be undone, such as a confirmed removal. */
    public static Button destructiveButton(String label, String id, Runnable action) {
        Button button = primaryButton(label, id, action);
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return button;
    }

    /** Controls in one row, aligned on their text's baseline (labels and helper texts differ in height). */
    public static HorizontalLayout row(Component... controls) {
        HorizontalLayout row = new HorizontalLayout(controls);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }
}
