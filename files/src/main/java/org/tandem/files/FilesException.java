package org.tandem.files;

import java.io.IOException;

/**
 * The one error of the cluster's files: which operation on which path, and why ({@link #failure()}),
 * e.g. "cannot write tenants/.../voicemail/101/m1.wav: there is no space left (the disk or the volume is
 * full): No space left on device". When it is thrown, nothing half-written is left where a listing or a
 * reader would find it.
 */
public final class FilesException extends IOException {

    private final String path;
    private final FilesFailure failure;

    FilesException(String action, String path, FilesFailure failure, String detail, Throwable cause) {
        super("cannot " + action + " " + path + ": " + failure.words() + (detail == null ? "" : ": " + detail), cause);
        this.path = path;
        this.failure = failure;
    }

    static FilesException of(String action, Object path, IOException cause) {
        return of(action, path, cause, FilesFailure.of(cause));
    }

    static FilesException of(String action, Object path, IOException cause, FilesFailure failure) {
        if (cause instanceof FilesException already) {
            return already;
        }
        return new FilesException(action, String.valueOf(path), failure, describe(cause), cause);
    }

    private static String describe(IOException cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** The path the operation was on (a file of the layout, or the store's own folder). */
    public String path() {
        return path;
    }

    public FilesFailure failure() {
        return failure;
    }
}
