package org.tandem.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One thing wrong with the input, in a 422 problem's {@code errors}.
 *
 * @param field  the request member at fault (dotted for nested ones: {@code plan.maxExtensions}); absent
 *               for the input as a whole
 * @param line   for CSV: the line, from 1, as an editor numbers it; 0 for the file as a whole
 * @param text   for CSV: the line as sent
 * @param detail what is wrong, for a person
 */
@JsonbPropertyOrder({"field", "line", "text", "detail"})
public record InputError(String field, Integer line, String text, String detail) {

    public static InputError ofField(String field, String detail) {
        return new InputError(field == null || field.isEmpty() ? null : field, null, null, detail);
    }

    public static InputError ofLine(int line, String text, String detail) {
        return new InputError(null, line, text == null || text.isEmpty() ? null : text, detail);
    }
}
