package org.tandem.media.pacing;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {

    @Test
    void theScheduleDoesNotDriftWhenSendingTakesTime() throws Exception {
        AtomicLong frames = new AtomicLong();
        try (Pacer pacer = new Pacer((leg, failure) -> { })) {
            // 5 ms of work a tick: sleeping 20 ms after each would give 2 s / 25 ms = 80 frames
            pacer.add(tick -> {
                frames.incrementAndGet();
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            });
            Thread.sleep(2000);
        }
        // 100 are due; the pacer may end up to MAX_LAG_TICKS behind on a loaded machine, never 20 behind
        assertThat(frames.get()).isBetween(100L - Pacer.MAX_LAG_TICKS, 102L);
    }

    @Test
    void oneThreadSendsEveryLegsFramesEvery20MillisecondsAndRecordsHowLate() throws Exception {
        int legCount = 50;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramChannel phone = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
             Pacer pacer = new Pacer((leg, failure) -> { })) {
            ConcurrentLinkedQueue<String> senders = new ConcurrentLinkedQueue<>();
            List<Pacer.Paced> paced = new ArrayList<>();
            List<DatagramChannel> legs = new ArrayList<>();
            long added = System.nanoTime();
            for (int i = 0; i < legCount; i++) {
                DatagramChannel leg = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
                legs.add(leg);
                paced.add(pacer.add(tick -> {
                    senders.add(Thread.currentThread().getName());
                    leg.send(ByteBuffer.wrap(new byte[172]), phone.getLocalAddress());
                }));
            }
            ByteBuffer datagram = ByteBuffer.allocate(2048);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            int received = 0;
            phone.configureBlocking(false);
            while (System.nanoTime() < until) {
                datagram.clear();
                if (phone.receive(datagram) != null) {
                    received++;
                } else {
                    Thread.sleep(1);
                }
            }
            paced.forEach(Pacer.Paced::close);
            long closed = System.nanoTime();
            for (DatagramChannel leg : legs) {
                leg.close();
            }

            assertThat(senders).containsOnly("media-pacer");
            // 1 s is 50 ticks of 50 legs, less what a loaded machine leaves the pacer behind when they stop;
            // at most one tick for every 20 ms from the first leg's adding to the last one's closing, and the first
            long perLeg = paced.getFirst().jitter().count();
            long mostTicks = TimeUnit.NANOSECONDS.toMillis(closed - added) / 20 + 1;
            assertThat(perLeg).isBetween(50L - Pacer.MAX_LAG_TICKS - 2, mostTicks);
            assertThat(paced).allSatisfy(leg -> assertThat(leg.jitter().count()).isBetween(perLeg - 1, perLeg + 1));
            assertThat(received).isBetween((int) (perLeg - 1) * legCount, (int) (perLeg + 1) * legCount);
            assertThat(pacer.jitter().count()).isEqualTo(paced.stream().mapToLong(leg -> leg.jitter().count()).sum());
            assertThat(pacer.legCount()).isZero();
        }
    }

    @Test
    void legsAreSpreadEvenlyOverTheTicksSlots() throws Exception {
        // sent all at a tick's start, the last of a thousand legs would be late by everyone else's sends;
        // how late each is measured by the media bench, where the machine is quiet
        try (Pacer pacer = new Pacer((leg, failure) -> { })) {
            List<Pacer.Paced> paced = new ArrayList<>();
            for (int i = 0; i < 2 * Pacer.SLOTS; i++) {
                paced.add(pacer.add(tick -> { }));
            }
            assertThat(pacer.legsPerSlot()).containsOnly(2).hasSize(Pacer.SLOTS);
            paced.subList(0, Pacer.SLOTS).forEach(Pacer.Paced::close);
            for (int i = 0; i < Pacer.SLOTS; i++) {
                pacer.add(tick -> { });
            }
            assertThat(pacer.legsPerSlot()).containsOnly(2);
        }
    }

    @Test
    void aLegThatFailsIsDroppedAndReportedAndTheOthersGoOn() throws Exception {
        AtomicLong healthy = new AtomicLong();
        ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();
        try (Pacer pacer = new Pacer((leg, failure) -> failures.add(failure))) {
            pacer.add(tick -> {
                throw new IllegalStateException("port closed");
            });
            pacer.add(tick -> healthy.incrementAndGet());
            Thread.sleep(200);
            assertThat(pacer.legCount()).isEqualTo(1);
        }
        assertThat(failures).singleElement().hasFieldOrPropertyWithValue("message", "port closed");
        assertThat(healthy.get()).isGreaterThan(5);
    }

    @Test
    void farBehindItSkipsToThePresentInsteadOfBurstingTheMissedFrames() throws Exception {
        ConcurrentLinkedQueue<Long> ticks = new ConcurrentLinkedQueue<>();
        try (Pacer pacer = new Pacer((leg, failure) -> { })) {
            pacer.add(tick -> {
                ticks.add(tick);
                if (ticks.size() == 3) {
                    // a stall of 400 ms, as a long GC pause would be: 20 ticks missed
                    Thread.sleep(400);
                }
            });
            Thread.sleep(700);
            assertThat(pacer.skippedTicks()).isBetween(18L, 21L);
        }
        List<Long> sent = List.copyOf(ticks);
        // tick numbers jump over the stall, so a sender stamping from them leaves the gap in its timestamps
        assertThat(sent.get(3) - sent.get(2)).isBetween(19L, 22L);
        assertThat(sent.size()).isBetween(3 + 8, 3 + 17);
    }

    @Test
    void percentilesReadTheBucketsUpperEdge() {
        JitterHistogram histogram = new JitterHistogram();
        for (int i = 0; i < 99; i++) {
            histogram.record(10_000);
        }
        histogram.record(3_000_000);

        assertThat(histogram.percentileMicros(99)).isEqualTo(50);
        assertThat(histogram.percentileMicros(100)).isEqualTo(3050);
        assertThat(new JitterHistogram().percentileMicros(99)).isZero();
    }
}
