package org.tandem.domain.ringgroup;

/** How a ring group rings its members. */
public enum RingStrategy {
    /** Every member's phones ring at once; the first to answer wins, the others are cancelled. */
    SIMULTANEOUS,
    /** Members ring one after another, in order, each for the group's member timeout. */
    SEQUENTIAL
}
