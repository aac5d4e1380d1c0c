package org.tandem.portal.shared;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;
import org.tandem.administration.shared.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a service's refusal on a form: each field's message under that field, and what concerns no
 * field (or a field the form does not show) in one line above the button. Cleared before each try.
 */
public final class FormMessages {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Paragraph general = new Paragraph();

    public FormMessages() {
        general.setId("form-error");
        general.getStyle().set("color", "var(--lumo-error-text-color)");
        general.setVisible(false);
    }

    public FormMessages field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    /** Where messages about the whole form go. */
    public Paragraph general() {
        return general;
    }

    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        general.setText("");
        general.setVisible(false);
    }

    public void show(InvalidInputException refused) {
        clear();
        StringBuilder rest = new StringBuilder();
        refused.messages().forEach((name, message) -> {
            HasValidation field = fields.get(name);
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                rest.append(rest.isEmpty() ? "" : " ").append(message).append(message.endsWith(".") ? "" : ".");
            }
        });
        showGeneral(rest.toString());
    }

    public void showGeneral(String message) {
        general.setText(message);
        general.setVisible(!message.isEmpty());
    }
}
