package org.tandem.administration.extension;

import java.util.List;

/**
 * What a CSV import did: either every line was created (with its password, shown once), or nothing
 * was, and {@code problems} says what to fix on which line. Half an import is never stored, so the
 * corrected file can simply be sent again. A file with many problems lists the first
 * {@link #LISTED_PROBLEMS} by line; {@code unlistedProblems} counts the rest.
 */
public record ImportResult(List<IssuedCredentials> created, List<ImportProblem> problems, int unlistedProblems) {

    /** Enough to see what is wrong with a file; listing thousands would only make the answer huge. */
    public static final int LISTED_PROBLEMS = 100;

    public ImportResult {
        created = List.copyOf(created);
        problems = List.copyOf(problems);
    }

    static ImportResult allCreated(List<IssuedCredentials> created) {
        return new ImportResult(created, List.of(), 0);
    }

    /** Nothing created: the first {@link #LISTED_PROBLEMS} of {@code problems} (in the order given), and the count of the rest. */
    static ImportResult refused(List<ImportProblem> problems) {
        int listed = Math.min(problems.size(), LISTED_PROBLEMS);
        return new ImportResult(List.of(), problems.subList(0, listed), problems.size() - listed);
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }

    /** The refusal in a sentence: "Nothing was imported: 500 problems, the first 100 listed, and 400 more". */
    public String summary() {
        int total = problems.size() + unlistedProblems;
        return "Nothing was imported: " + total + (total == 1 ? " problem" : " problems")
                + (unlistedProblems == 0 ? "" : ", the first " + problems.size() + " listed, and " + unlistedProblems + " more");
    }
}
