package org.tandem.router.dns;

import org.xbill.DNS.SRVRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;

/**
 * The order RFC 2782 tells a client to try SRV targets in: lowest priority first; within one priority,
 * a weighted random order, where a target's chance to come next is its share of the weights left
 * (weight-0 targets first in the running sums, so they are picked only when the draw is 0).
 */
final class SrvOrder {

    private SrvOrder() {
    }

    /**
     * @param draw given the sum of the weights left, a number from 0 to that sum inclusive (random, or fixed in tests)
     */
    static List<SRVRecord> order(Collection<SRVRecord> records, LongUnaryOperator draw) {
        Map<Integer, List<SRVRecord>> byPriority = new TreeMap<>();
        records.forEach(record -> byPriority.computeIfAbsent(record.getPriority(), p -> new ArrayList<>()).add(record));
        List<SRVRecord> ordered = new ArrayList<>(records.size());
        for (List<SRVRecord> samePriority : byPriority.values()) {
            List<SRVRecord> left = new ArrayList<>(samePriority);
            left.sort(Comparator.comparingInt(record -> record.getWeight() == 0 ? 0 : 1));
            while (!left.isEmpty()) {
                long sum = left.stream().mapToLong(SRVRecord::getWeight).sum();
                long chosen = Math.clamp(draw.applyAsLong(sum), 0, sum);
                long runningSum = 0;
                for (int i = 0; i < left.size(); i++) {
                    runningSum += left.get(i).getWeight();
                    if (runningSum >= chosen) {
                        ordered.add(left.remove(i));
                        break;
                    }
                }
            }
        }
        return ordered;
    }
}
