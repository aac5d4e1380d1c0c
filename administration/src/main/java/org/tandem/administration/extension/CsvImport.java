package org.tandem.administration.extension;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bulk-create CSV: one extension a line, {@code number,display name}, an optional header
 * line {@code number,name}, blank lines ignored, a name with commas in double quotes ({@code ""} for
 * a quote inside). Lines are numbered from 1 as an editor shows them.
 */
final class CsvImport {

    /** Most lines one import takes: larger lists go in several files. */
    static final int MAX_LINES = 1_000;

    record Line(int number, String extension, String displayName) {
    }

    private CsvImport() {
    }

    /** The lines, or the problem of each line that could not be read, by line number. */
    static List<Line> read(String csv, List<ImportProblem> problems) {
        List<Line> lines = new ArrayList<>();
        String[] raw = (csv == null ? "" : csv).split("\r?\n|\r", -1);
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i].strip();
            int number = i + 1;
            if (text.isEmpty() || (lines.isEmpty() && problems.isEmpty() && isHeader(text))) {
                continue;
            }
            List<String> fields = fields(text);
            if (fields == null) {
                problems.add(new ImportProblem(number, text, "A quote is not closed"));
            } else if (fields.size() != 2) {
                problems.add(new ImportProblem(number, text, "Expected two fields, number and name: 101,Alice Archer"));
            } else {
                lines.add(new Line(number, fields.get(0).strip(), fields.get(1).strip()));
            }
        }
        if (lines.size() + problems.size() > MAX_LINES) {
            problems.add(0, new ImportProblem(0, "", "At most " + MAX_LINES + " extensions per import"));
        }
        return lines;
    }

    private static boolean isHeader(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace(" ", "").matches("\"?number\"?,\"?(display)?name\"?");
    }

    /** The fields of one line, or null if a quote is left open. */
    private static List<String> fields(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
