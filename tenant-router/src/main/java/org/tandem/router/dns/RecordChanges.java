package org.tandem.router.dns;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What to delete and add so that the records Tandem owns in a zone become the wanted ones, grouped
 * by owner name. Records are the same only when name, type, data and TTL all are: a changed TTL is a
 * delete and an add, since that is how RFC 2136 changes one.
 */
public record RecordChanges(List<NameChange> changes) {

    /** The changes at one owner name, which go into one update message so the name never lacks its records. */
    public record NameChange(Name name, List<Record> deletions, List<Record> additions) {

        int size() {
            return deletions.size() + additions.size();
        }

        /**
         * Order of sending: new addresses before the SRV records that point at them, and names that only
         * lose records last, so a phone that looks up midway finds a target rather than nothing.
         */
        private int sendingRank() {
            if (additions.stream().anyMatch(NameChange::isAddress)) {
                return 0;
            }
            if (!additions.isEmpty()) {
                return 1;
            }
            return deletions.stream().anyMatch(NameChange::isAddress) ? 3 : 2;
        }

        private static boolean isAddress(Record record) {
            return record.getType() == Type.A || record.getType() == Type.AAAA;
        }
    }

    private static final Comparator<NameChange> SENDING_ORDER =
            Comparator.comparingInt(NameChange::sendingRank).thenComparing(NameChange::name);

    public RecordChanges {
        changes = List.copyOf(changes);
    }

    public static RecordChanges between(Collection<Record> current, Collection<Record> wanted) {
        Map<String, Record> currentByKey = byKey(current);
        Map<String, Record> wantedByKey = byKey(wanted);
        Map<Name, List<Record>> deletions = namesOf(currentByKey, wantedByKey);
        Map<Name, List<Record>> additions = namesOf(wantedByKey, currentByKey);
        SortedSet<Name> names = new TreeSet<>(deletions.keySet());
        names.addAll(additions.keySet());
        return new RecordChanges(names.stream().map(name -> new NameChange(name,
                deletions.getOrDefault(name, List.of()), additions.getOrDefault(name, List.of()))).toList());
    }

    /** The records of {@code these} missing from {@code those}, by owner name. */
    private static Map<Name, List<Record>> namesOf(Map<String, Record> these, Map<String, Record> those) {
        Map<Name, List<Record>> byName = new HashMap<>();
        these.forEach((key, record) -> {
            if (!those.containsKey(key)) {
                byName.computeIfAbsent(record.getName(), name -> new ArrayList<>()).add(record);
            }
        });
        return byName;
    }

    /** Same name, class, type, data and TTL: the canonical wire form holds exactly these, names in lower case. */
    private static Map<String, Record> byKey(Collection<Record> records) {
        Map<String, Record> byKey = new LinkedHashMap<>();
        records.forEach(record -> byKey.put(HexFormat.of().formatHex(record.toWireCanonical()), record));
        return byKey;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int additions() {
        return changes.stream().mapToInt(change -> change.additions().size()).sum();
    }

    public int deletions() {
        return changes.stream().mapToInt(change -> change.deletions().size()).sum();
    }

    /**
     * The changes cut into update messages of at most {@code maxRecords} records (a DNS message over
     * TCP holds 64 KB), in sending order, never splitting one name's changes.
     */
    public List<List<NameChange>> batches(int maxRecords) {
        List<List<NameChange>> batches = new ArrayList<>();
        List<NameChange> batch = new ArrayList<>();
        int size = 0;
        for (NameChange change : changes.stream().sorted(SENDING_ORDER).toList()) {
            if (!batch.isEmpty() && size + change.size() > maxRecords) {
                batches.add(List.copyOf(batch));
                batch.clear();
                size = 0;
            }
            batch.add(change);
            size += change.size();
        }
        if (!batch.isEmpty()) {
            batches.add(List.copyOf(batch));
        }
        return batches;
    }
}
