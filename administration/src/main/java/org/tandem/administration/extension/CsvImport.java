package org.tandem.administration.extension;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads the bulk-create CSV: one extension a line, {@code number,display name}, an optional header
 * line {@code number,name}, blank lines ignored, a name with commas in double quotes ({@code ""} for
 * a quote inside). Lines are numbered from 1 as an editor shows them. A file over the byte cap is not
 * read at all, and reading stops at the first extension past the line cap.
 */
final class CsvImport {

    record Line(int number, String extension, String displayName) {
    }

    private CsvImport() {
    }

    /** The lines, or the problem of each line that could not be read, by line number. */
    static List<Line> read(String csv, CsvImportLimits limits, List<ImportProblem> problems) {
        String text = csv == null ? "" : csv;
        if (exceeds(text, limits.maxBytes())) {
            problems.add(new ImportProblem(0, "", String.format(Locale.ROOT,
                    "The file is larger than %,d bytes, the most one import takes: split it into several", limits.maxBytes())));
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        int entries = 0;
        int number = 0;
        for (Iterator<String> raw = text.lines().iterator(); raw.hasNext(); ) {
            String line = raw.next().strip();
            number++;
            if (line.isEmpty() || (entries == 0 && isHeader(line))) {
                continue;
            }
            if (++entries > limits.maxLines()) {
                problems.add(new ImportProblem(number, "", String.format(Locale.ROOT,
                        "Reading stopped here: at most %,d extensions per import; split the file into several",
                        limits.maxLines())));
                break;
            }
            List<String> fields = fields(line);
            if (fields == null) {
                problems.add(new ImportProblem(number, line, "A quote is not closed"));
            } else if (fields.size() != 2) {
                problems.add(new ImportProblem(number, line, "Expected two fields, number and name: 101,Alice Archer"));
            } else {
                lines.add(new Line(number, fields.get(0).strip(), fields.get(1).strip()));
            }
        }
        return lines;
    }

    /** Whether {@code text} takes more than {@code maxBytes} in UTF-8, counted without encoding it. */
    private static boolean exceeds(String text, int maxBytes) {
        if (text.length() > maxBytes) {
            return true; // every character takes a byte at least
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3; // a surrogate pair is 4 bytes
        }
        return bytes > maxBytes;
    }

    private static boolean isHeader(String text) {
        return text.toLowerCase(Locale.ROOT).replace(" ", "").matches("\"?number\"?,\"?(display)?name\"?");
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
