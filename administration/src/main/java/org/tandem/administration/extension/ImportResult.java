package org.tandem.administration.extension;

import java.util.List;

/**
 * What a CSV import did: either every line was created (with its password, shown once), or nothing
 * was, and {@code problems} says what to fix on which line. Half an import is never stored, so the
 * corrected file can simply be sent again.
 */
public record ImportResult(List<IssuedCredentials> created, List<ImportProblem> problems) {

    public ImportResult {
        created = List.copyOf(created);
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }
}
