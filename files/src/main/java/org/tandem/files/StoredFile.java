package org.tandem.files;

import java.time.Instant;

/** A whole file in the cluster's files: where, how many bytes, when it was put there. */
public record StoredFile(FilePath path, long size, Instant modified) {
}
