package org.tandem.administration.extension;

/** Why one line of a CSV import was refused; line 0 is about the file as a whole. */
public record ImportProblem(int line, String text, String message) {
}
