package org.tandem.domain.call;

import java.util.List;

/**
 * Where call records go. Insert-only: a record is written once, when its attempt ended, and the
 * database refuses to change or delete it.
 */
public interface CallRecords {

    /**
     * Stores {@code records} together (one transaction: all or none); throws if they could not be
     * stored. A record already stored (same id) is left as it is, so a batch sent again after a
     * commit whose outcome was lost is never counted twice.
     */
    void addAll(List<CallRecord> records);

    /** Stores {@code record}; throws if it could not be stored. */
    default void add(CallRecord record) {
        addAll(List.of(record));
    }

    /** Keeps nothing: for engines and tests without a database. */
    CallRecords NONE = records -> {
    };
}
