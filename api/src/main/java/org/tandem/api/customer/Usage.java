package org.tandem.api.customer;

/**
 * What a customer uses: phones registered now (on every node), and the call attempts and minutes
 * talked in the last {@code days} days.
 */
public record Usage(int days, long registeredPhones, long calls, long talkMinutes) {
}
