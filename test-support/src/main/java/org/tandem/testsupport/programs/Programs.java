package org.tandem.testsupport.programs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a program a test runs. A missing one fails the test, never skips it: a green build must mean
 * the real program was run. {@code ./tandem test} installs every package named here.
 */
public final class Programs {

    private Programs() {
    }

    /** {@code program} on the PATH, from Debian package {@code debianPackage}, which the test needs {@code for}. */
    public static Path onPath(String program, String debianPackage, String forWhat) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(program + " is not on the PATH (" + path + "). These tests need it " + forWhat
                + ": install it with `apt-get install -y " + debianPackage + "` (./tandem test does).");
    }
}
