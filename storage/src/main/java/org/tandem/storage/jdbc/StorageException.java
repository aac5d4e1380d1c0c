package org.tandem.storage.jdbc;

/** The database could not be reached or refused a statement; the caller should answer "try later". */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
