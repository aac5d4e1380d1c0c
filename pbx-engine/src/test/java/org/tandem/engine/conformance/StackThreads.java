package org.tandem.engine.conformance;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds a running JAIN-SIP stack's own long-lived threads by name: its UDP workers
 * ({@code tandem-<node>-<n>-UDPMessageChannelThread-<i>}, named by SipEngine after the stack) and its
 * UDP and TCP readers ({@code MessageProcessorThread-UDP-127.0.0.1/<port>}, named by JAIN-SIP after
 * the port). Per-connection TCP threads ({@code TCPMessageChannelThread}) come and go and carry no
 * stack name; {@link #tcpConnectionThreads()} counts them for the whole JVM.
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
        String workerPrefix = "tandem-" + nodeName + "-" + newestStack + "-UDPMessageChannelThread-";
        List<String> readers = List.of("MessageProcessorThread-UDP-127.0.0.1/" + port,
                "MessageProcessorThread-TCP-127.0.0.1/" + port);
        return all.stream()
                .filter(t -> t.getName().startsWith(workerPrefix) || readers.contains(t.getName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    static List<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }

    static List<String> dead(Set<Thread> threads) {
        return threads.stream().filter(t -> !t.isAlive()).map(Thread::getName).sorted().toList();
    }

    static long tcpConnectionThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("TCPMessageChannelThread"))
                .count();
    }
}
