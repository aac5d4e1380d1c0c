package org.tandem.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * Why the cluster's files refused an operation, in the terms a caller acts on: a call is told the
 * mailbox cannot record, the API answers 404 or 507. Taken from the error the kernel (or the GlusterFS
 * client behind FUSE) gave, which Java passes on only as words.
 */
public enum FilesFailure {
    /** No such file. */
    NOT_FOUND("there is no such file"),
    /** ENOSPC or EDQUOT: the local disk or a brick is full. */
    NO_SPACE("there is no space left (the disk or the volume is full)"),
    /** EROFS: mounted read-only, or the volume's features.read-only is on. */
    READ_ONLY("the files are read-only (the volume or its mount refuses writes)"),
    /** The volume's mount is gone (ENOTCONN: its FUSE client died) or is not the filesystem it must be. */
    VOLUME_GONE("the volume is not mounted"),
    /** Anything else: the cause's own words say what. */
    FAILED("the operation failed");

    private final String words;

    FilesFailure(String words) {
        this.words = words;
    }

    /** The failure in plain words. */
    public String words() {
        return words;
    }

    static FilesFailure of(IOException cause) {
        if (cause instanceof NoSuchFileException) {
            return NOT_FOUND;
        }
        String reason = cause instanceof FileSystemException fileSystem && fileSystem.getReason() != null
                ? fileSystem.getReason() : String.valueOf(cause.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("quota exceeded")) {
            return NO_SPACE;
        }
        if (lower.contains("read-only file system")) {
            return READ_ONLY;
        }
        if (lower.contains("transport endpoint is not connected") || lower.contains("no such device")
                || lower.contains("stale file handle")) {
            return VOLUME_GONE;
        }
        return FAILED;
    }
}
