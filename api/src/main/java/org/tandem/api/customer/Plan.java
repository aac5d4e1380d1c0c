package org.tandem.api.customer;

/** What a customer's plan allows. */
public record Plan(int maxExtensions, int maxConcurrentCalls, int maxCallsPerSecond, int maxRingGroups,
                   int maxRingGroupMembers) {
}
