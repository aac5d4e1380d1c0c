package org.tandem.engine.sip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a SIP byte stream (TCP) into messages by their Content-Length (RFC 3261 18.3), never holding
 * more than the largest message allowed: a head without its blank line is refused once it reaches
 * that size, and a Content-Length that would pass it is refused as soon as the head is read, before
 * any of the body is kept. Between messages, line breaks are keep-alives; a double CRLF is an RFC
 * 5626 ping. One per connection, fed by the one thread that reads it; whether it is mid-message may
 * be asked from any thread.
 */
final class SipStreamFramer {

    /** What the framer finds in the stream. */
    interface Sink {
        /** A whole message: head, blank line and exactly Content-Length bytes of body. */
        void message(byte[] message);

        /** A double CRLF between messages, which RFC 5626 4.4.1 answers with a single CRLF. */
        void keepAlivePing();
    }

    /** The stream cannot be framed any further; the connection must be closed. */
    static class FramingException extends Exception {
        FramingException(String reason) {
            super(reason);
        }
    }

    /** The message would pass the limit. */
    static final class TooLargeException extends FramingException {
        private final byte[] head;

        TooLargeException(String reason, byte[] head) {
            super(reason);
            this.head = head;
        }

        /** The message's head up to and with its blank line, or null where it never ended. */
        byte[] head() {
            return head;
        }
    }

    /** Most messages fit; the buffer grows, doubling, only for larger ones, up to the limit. */
    private static final int FIRST_BUFFER_BYTES = 2_048;

    private final int maxMessageBytes;
    private final Sink sink;
    private byte[] buffer = new byte[0];
    /** Bytes of the current message held in {@link #buffer}; 0 between messages. */
    private int length;
    /** Where the search for the blank line goes on from. */
    private int scanned;
    /** The head's length with its blank line, or -1 while it has not ended. */
    private int headLength = -1;
    private int bodyLength;
    /** Line feeds in a row between messages. */
    private int lineFeeds;
    private long startedNanos;
    /** Written after {@link #startedNanos}, so that a thread that reads it true sees the start too. */
    private volatile boolean midMessage;

    SipStreamFramer(int maxMessageBytes, Sink sink) {
        this.maxMessageBytes = maxMessageBytes;
        this.sink = sink;
    }

    /** Whether a message has begun and not ended. */
    boolean midMessage() {
        return midMessage;
    }

    /** {@link System#nanoTime()} when the unfinished message began; meaningful only {@link #midMessage()}. */
    long messageStartedNanos() {
        return startedNanos;
    }

    void feed(byte[] bytes, int offset, int count) throws FramingException {
        int next = offset;
        int end = offset + count;
        while (next < end) {
            if (length == 0) {
                byte b = bytes[next];
                if (b == '\r' || b == '\n') {
                    if (b == '\n' && ++lineFeeds == 2) {
                        lineFeeds = 0;
                        sink.keepAlivePing();
                    }
                    next++;
                    continue;
                }
                lineFeeds = 0;
                startedNanos = System.nanoTime();
                midMessage = true;
            }
            int room = headLength < 0 ? maxMessageBytes - length : headLength + bodyLength - length;
            if (room == 0) {
                throw new TooLargeException("no blank line within the first " + maxMessageBytes + " bytes", null);
            }
            int taken = Math.min(room, end - next);
            append(bytes, next, taken);
            next += taken;
            if (headLength < 0) {
                if (!findHead()) {
                    continue;
                }
                // the next message's first bytes came with this one's head: they are all of this chunk
                // (the buffer held head bytes only before it), so they are read again from it, in this loop
                int excess = length - (headLength + bodyLength);
                if (excess > 0) {
                    length -= excess;
                    next -= excess;
                }
            }
            if (length == headLength + bodyLength) {
                emit();
                if (buffer.length > FIRST_BUFFER_BYTES) {
                    buffer = new byte[0]; // a connection keeps no large buffer between messages
                }
            }
        }
    }

    private void emit() {
        byte[] message = Arrays.copyOf(buffer, length);
        length = 0;
        scanned = 0;
        headLength = -1;
        midMessage = false;
        sink.message(message);
    }

    private void append(byte[] bytes, int offset, int count) {
        if (length + count > buffer.length) {
            int capacity = Math.max(FIRST_BUFFER_BYTES, buffer.length);
            while (capacity < length + count) {
                capacity *= 2;
            }
            buffer = Arrays.copyOf(buffer, Math.min(capacity, maxMessageBytes));
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    /**
     * Looks for the blank line; once found, reads the Content-Length. The buffer may then hold more
     * than the message: the next message's bytes that came with the head, which the caller gives back.
     */
    private boolean findHead() throws FramingException {
        for (int i = Math.max(scanned, 1); i < length; i++) {
            if (buffer[i] == '\n' && (buffer[i - 1] == '\n'
                    || (buffer[i - 1] == '\r' && i >= 2 && buffer[i - 2] == '\n'))) {
                headLength = i + 1;
                bodyLength = contentLength();
                if ((long) headLength + bodyLength > maxMessageBytes) {
                    throw new TooLargeException("Content-Length " + bodyLength + " after a head of " + headLength
                            + " bytes passes the limit of " + maxMessageBytes, Arrays.copyOf(buffer, headLength));
                }
                return true;
            }
        }
        scanned = length;
        return false;
    }

    /**
     * The one Content-Length (or compact {@code l}) of the head, 0 without one (RFC 3261 18.3 asks
     * for it over TCP; a missing one is read as an empty body, as JAIN-SIP did). A value that is not
     * a plain number, or a second one, leaves the stream without a frame.
     */
    private int contentLength() throws FramingException {
        String head = new String(buffer, 0, headLength, StandardCharsets.ISO_8859_1);
        int found = -1;
        int start = head.indexOf('\n') + 1; // past the start line
        while (start < head.length()) {
            int lineEnd = head.indexOf('\n', start);
            int colon = head.indexOf(':', start, lineEnd); // within the line: a hostile head has many without
            if (colon >= 0) {
                String name = head.substring(start, colon).strip();
                if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("l")) {
                    if (found >= 0) {
                        throw new FramingException("more than one Content-Length");
                    }
                    found = number(head.substring(colon + 1, lineEnd).strip());
                }
            }
            start = lineEnd + 1;
        }
        return Math.max(found, 0);
    }

    /** Content-Length's value: digits only; anything past the limit counts as the limit plus one. */
    private int number(String value) throws FramingException {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FramingException("Content-Length is not a number: '" + value + "'");
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        if (digits.length() > String.valueOf(maxMessageBytes).length()) {
            return maxMessageBytes + 1;
        }
        return (int) Math.min(Long.parseLong(digits), maxMessageBytes + 1L);
    }
}
