package org.tandem.portal.shared;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;

/**
 * A dialog showing a secret just made (a SIP password, a portal password, an API token) the only
 * time anyone sees it: Tandem keeps only hashes. "I have copied it" closes it; Esc or a click
 * outside first asks, so a stray key cannot lose the secret.
 */
public class ShownOnceDialog extends Dialog {

    /** The id of the question's button that closes the dialog all the same. */
    public static final String CLOSE_UNCOPIED_ID = "close-uncopied";

    /**
     * @param secret what is shown once, as the question names it ("password", "token")
     * @param doneId the id of the "I have copied it" button
     */
    public ShownOnceDialog(String secret, String doneId) {
        Button done = Forms.primaryButton("I have copied it", doneId, this::close);
        getFooter().add(done);
        // with a listener, Esc and an outside click no longer close the dialog by themselves
        addDialogCloseActionListener(attempt -> new Confirmation("Close without copying the " + secret + "?",
                "It is not shown again. If it was not copied, make a new one.", "Close", CLOSE_UNCOPIED_ID,
                this::close).open());
    }

    /** The secret {@code value} with the element id {@code id}, large and in a fixed-width font so each character reads plainly. */
    protected static Span secret(String value, String id) {
        Span secret = new Span(value);
        secret.setId(id);
        secret.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
        return secret;
    }
}
