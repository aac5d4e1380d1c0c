package org.tandem.media.receive;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void oneThreadReadsEveryChannelAndCutsLongDatagramsOneByteOverTheLimit() throws Exception {
        int channels = 200;
        Map<Integer, Integer> lengths = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> readers = new ConcurrentLinkedQueue<>();
        List<DatagramChannel> legs = new ArrayList<>();
        try (Receiver receiver = new Receiver(1000, (channel, failure) -> { });
             DatagramChannel phone = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            for (int i = 0; i < channels; i++) {
                DatagramChannel leg = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
                legs.add(leg);
                int index = i;
                receiver.add(leg, (datagram, source) -> {
                    readers.add(Thread.currentThread().getName());
                    lengths.put(index, datagram.remaining());
                });
            }
            Thread.sleep(100);
            for (int i = 0; i < channels; i++) {
                phone.send(ByteBuffer.allocate(i == 0 ? 5000 : 172), legs.get(i).getLocalAddress());
            }
            awaitSize(lengths, channels);

            assertThat(readers).containsOnly("media-receiver");
            assertThat(lengths.get(0)).isEqualTo(1001);
            assertThat(lengths.get(199)).isEqualTo(172);
            assertThat(receiver.datagrams()).isEqualTo(channels);

            // removed: no longer read
            receiver.remove(legs.get(1));
            Thread.sleep(100);
            phone.send(ByteBuffer.allocate(10), legs.get(1).getLocalAddress());
            phone.send(ByteBuffer.allocate(10), legs.get(2).getLocalAddress());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (lengths.get(2) != 10 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(lengths.get(2)).isEqualTo(10);
            assertThat(lengths.get(1)).isEqualTo(172);
        } finally {
            for (DatagramChannel leg : legs) {
                leg.close();
            }
        }
    }

    private static void awaitSize(Map<?, ?> map, int size) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (map.size() < size && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }
}
