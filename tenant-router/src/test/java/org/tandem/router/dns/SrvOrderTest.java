package org.tandem.router.dns;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SrvOrderTest {

    private static final Name SERVICE = Name.fromConstantString("_sip._udp.acme.tandem.test.");

    private static SRVRecord srv(int priority, int weight, String target) {
        return new SRVRecord(SERVICE, DClass.IN, 60, priority, weight, 5060,
                Name.fromConstantString(target + ".nodes.tandem.test."));
    }

    private static List<String> targets(List<SRVRecord> records) {
        return records.stream().map(record -> record.getTarget().getLabelString(0)).toList();
    }

    @Test
    void lowerPriorityComesFirstWhateverTheWeights() {
        List<SRVRecord> records = List.of(srv(20, 100, "b"), srv(30, 0, "c"), srv(10, 0, "a"));

        assertThat(targets(SrvOrder.order(records, sum -> sum))).containsExactly("a", "b", "c");
    }

    @Test
    void withinAPriorityTheDrawPicksByRunningSumWithWeightZeroFirst() {
        List<SRVRecord> records = List.of(srv(10, 60, "heavy"), srv(10, 0, "zero"), srv(10, 40, "light"));

        // draw 0: the zero-weight target, then the first whose running sum reaches 0 again
        assertThat(targets(SrvOrder.order(records, sum -> 0))).containsExactly("zero", "heavy", "light");
        // draw = sum: always the last left
        assertThat(targets(SrvOrder.order(records, sum -> sum))).containsExactly("light", "heavy", "zero");
        // 61 is past heavy's 60 and within light's running sum of 100
        assertThat(targets(SrvOrder.order(records, sum -> Math.min(sum, 61)))).startsWith("light");
    }

    @Test
    void aTargetComesFirstInProportionToItsWeight() {
        List<SRVRecord> records = List.of(srv(10, 90, "big"), srv(10, 10, "small"));
        Random random = new Random(2782);
        int bigFirst = 0;
        int draws = 10_000;

        for (int i = 0; i < draws; i++) {
            if (targets(SrvOrder.order(records, sum -> random.nextLong(sum + 1))).getFirst().equals("big")) {
                bigFirst++;
            }
        }

        assertThat(bigFirst / (double) draws).isBetween(0.88, 0.92);
    }
}
