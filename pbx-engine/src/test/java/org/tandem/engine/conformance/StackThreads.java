package org.tandem.engine.conformance;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds a running JAIN-SIP stack's own long-lived threads by name: its UDP and TCP workers
 * ({@code tandem-<node>-<n>-UDPMessageChannelThread-<i>} and {@code tandem-<node>-<n>-TCPWorker-<i>},
 * named by SipEngine after the stack), its UDP reader ({@code MessageProcessorThread-UDP-127.0.0.1/<port>})
 * and its TCP selector ({@code NioSelector-TCP-127.0.0.1/<port>}), named by JAIN-SIP after the port.
 * No thread is per TCP connection.
 */
final class StackThreads {

    private StackThreads() {
    }

    /**
     * The threads of the most recently started stack of node {@code nodeName} listening on
     * {@code port}: the highest stack number wins, as stacks of stopped engines may linger briefly.
     */
    static Set<Thread> of(String nodeName, int port) {
        Pattern worker = Pattern.compile("tandem-" + Pattern.quote(nodeName) + "-(\\d+)-UDPMessageChannelThread-\\d+");
        Set<Thread> all = Thread.getAllStackTraces().keySet();
        int newestStack = all.stream()
                .map(t -> worker.matcher(t.getName()))
                .filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1)))
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new AssertionError("no UDP worker thread of a stack of node " + nodeName));
        String udpWorkers = "tandem-" + nodeName + "-" + newestStack + "-UDPMessageChannelThread-";
        String tcpWorkers = "tandem-" + nodeName + "-" + newestStack + "-TCPWorker-";
        List<String> readers = List.of("MessageProcessorThread-UDP-127.0.0.1/" + port,
                "NioSelector-TCP-127.0.0.1/" + port);
        return all.stream()
                .filter(t -> t.getName().startsWith(udpWorkers) || t.getName().startsWith(tcpWorkers)
                        || readers.contains(t.getName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    static List<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }

    static List<String> dead(Set<Thread> threads) {
        return threads.stream().filter(t -> !t.isAlive()).map(Thread::getName).sorted().toList();
    }
}
