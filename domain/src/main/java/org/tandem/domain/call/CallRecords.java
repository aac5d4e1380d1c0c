package org.tandem.domain.call;

/**
 * Where call records go. Insert-only: a record is written once, when its attempt ended, and the
 * database refuses to change or delete it.
 */
public interface CallRecords {

    /** Stores {@code record}; throws if it could not be stored. */
    void add(CallRecord record);

    /** Keeps nothing: for engines and tests without a database. */
    CallRecords NONE = record -> {
    };
}
