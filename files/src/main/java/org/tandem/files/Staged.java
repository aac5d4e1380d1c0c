package org.tandem.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file being written on the node's local disk (a recording, an upload) before
 * {@link SharedFiles#publish} puts it into the shared folder whole. Closing it removes the local file,
 * published or not: open it in a try-with-resources.
 */
public final class Staged implements AutoCloseable {

    private final Path file;

    Staged(Path file) {
        this.file = file;
    }

    /** The local file to write to (it exists, empty). */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next start of the store empties the staging folder
        }
    }
}
