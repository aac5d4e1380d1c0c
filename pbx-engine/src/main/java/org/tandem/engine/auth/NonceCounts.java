package org.tandem.engine.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest nonce count seen per nonce, in bounded memory. When full, the nonces first seen
 * longest ago are forgotten, and the issue time of the newest forgotten one becomes a floor: a nonce
 * issued at or before the floor that is not remembered is refused, since it may be one whose counts
 * were forgotten. Its phone just gets a fresh nonce. Nonces past their lifetime are dropped without
 * raising the floor, as they are refused anyway. One lock: each call is a map lookup, far below a
 * REGISTER's other costs.
 */
final class NonceCounts {

    private static final class Seen {
        final long issuedAt;
        long highestCount;

        Seen(long issuedAt, long highestCount) {
            this.issuedAt = issuedAt;
            this.highestCount = highestCount;
        }
    }

    private final int capacity;
    private final Map<String, Seen> seen = new LinkedHashMap<>();
    private long floor = Long.MIN_VALUE;

    NonceCounts(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * @param oldestLiveIssue nonces issued before this are expired and may be forgotten without harm
     * @return whether {@code count} is higher than any count used before with {@code nonce}
     */
    synchronized boolean accept(String nonce, long issuedAt, long count, long oldestLiveIssue) {
        Seen entry = seen.get(nonce);
        if (entry != null) {
            if (count <= entry.highestCount) {
                return false;
            }
            entry.highestCount = count;
            return true;
        }
        if (issuedAt <= floor || count < 1) {
            return false;
        }
        seen.put(nonce, new Seen(issuedAt, count));
        if (seen.size() > capacity) {
            makeRoom(oldestLiveIssue);
        }
        return true;
    }

    /** Works from the oldest entries only (first seen, roughly first issued): constant time per insert. */
    private void makeRoom(long oldestLiveIssue) {
        Iterator<Seen> oldest = seen.values().iterator();
        while (oldest.hasNext()) {
            Seen entry = oldest.next();
            if (entry.issuedAt < oldestLiveIssue) {
                oldest.remove();
            } else if (seen.size() > capacity) {
                floor = Math.max(floor, entry.issuedAt);
                oldest.remove();
            } else {
                return;
            }
        }
    }

    synchronized int size() {
        return seen.size();
    }
}
