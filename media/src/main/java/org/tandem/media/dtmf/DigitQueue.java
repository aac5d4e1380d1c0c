package org.tandem.media.dtmf;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The digits a leg received and nobody has taken yet, at most a fixed number: a caller (or a tool) that
 * floods digits fills it, and what comes after is dropped and counted rather than held. Thread-safe: the
 * receiver's thread and the signalling add, the application takes.
 */
public final class DigitQueue {

    private final int capacity;
    private final ArrayDeque<Digit> digits = new ArrayDeque<>();
    private long dropped;

    /** @param capacity digits held at most (TANDEM_MEDIA_DTMF_QUEUE_DIGITS) */
    public DigitQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a digit queue holds at least one digit");
        }
        this.capacity = capacity;
    }

    /** Adds a digit; false, and counted, when the queue is full. */
    public synchronized boolean add(Digit digit) {
        if (digits.size() == capacity) {
            dropped++;
            return false;
        }
        digits.add(digit);
        return true;
    }

    /** The oldest digit not yet taken. */
    public synchronized Optional<Digit> take() {
        return Optional.ofNullable(digits.poll());
    }

    public synchronized int size() {
        return digits.size();
    }

    /** Digits dropped because the queue was full. */
    public synchronized long dropped() {
        return dropped;
    }
}
