package org.tandem.portal.shared;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Asks before something that cannot be undone, saying in plain words what follows. Nothing happens
 * unless the red button is pressed; Cancel, Esc or a click outside leave everything as it was.
 */
public final class Confirmation extends Dialog {

    /** The id of the Cancel button of every confirmation. */
    public static final String CANCEL_ID = "confirm-cancel";

    /**
     * @param action    the red button's words ("Delete", "Suspend")
     * @param confirmId the red button's id
     * @param confirmed what runs on the red button, after which the dialog closes
     */
    public Confirmation(String question, String consequences, String action, String confirmId, Runnable confirmed) {
        setHeaderTitle(question);
        Paragraph text = new Paragraph(consequences);
        text.setId("confirm-consequences");
        add(text);
        Button confirm = Forms.destructiveButton(action, confirmId, () -> {
            close();
            confirmed.run();
        });
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId(CANCEL_ID);
        getFooter().add(cancel, confirm);
    }
}
