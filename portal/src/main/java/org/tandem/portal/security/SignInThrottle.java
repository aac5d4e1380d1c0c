package org.tandem.portal.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down password guessing: after {@value #PER_USERNAME} failed sign-ins for one username within
 * a minute, that username is refused for five minutes from anywhere; after {@value #PER_ADDRESS}
 * failures from one address (whatever usernames), that address is. A success does not lift a block.
 * Kept in this node's memory, bounded in size; a guesser spreading over nodes meets each node's limit.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int PER_USERNAME = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration BLOCK = Duration.ofMinutes(5);
    /** Most usernames and addresses remembered; the oldest go first. */
    private static final int REMEMBERED = 10_000;

    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > REMEMBERED;
        }
    };
    private Clock clock = Clock.systemUTC();

    SignInThrottle withClock(Clock testClock) {
        this.clock = testClock;
        return this;
    }

    /** Whether a sign-in as {@code username} from {@code address} may be tried now. */
    public synchronized boolean allows(String username, String address) {
        Instant now = clock.instant();
        return !blocked(key("user", username), now) && !blocked(key("address", address), now);
    }

    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        count(key("user", username), PER_USERNAME, now);
        count(key("address", address), PER_ADDRESS, now);
    }

    private boolean blocked(String key, Instant now) {
        Failures entry = failures.get(key);
        return entry != null && entry.blockedUntil != null && now.isBefore(entry.blockedUntil);
    }

    private void count(String key, int limit, Instant now) {
        Failures entry = failures.computeIfAbsent(key, k -> new Failures());
        entry.times.addLast(now);
        for (Iterator<Instant> oldest = entry.times.iterator(); oldest.hasNext(); ) {
            if (oldest.next().isBefore(now.minus(WINDOW))) {
                oldest.remove();
            } else {
                break;
            }
        }
        if (entry.times.size() >= limit) {
            entry.blockedUntil = now.plus(BLOCK);
            entry.times.clear();
        }
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.strip().toLowerCase(Locale.ROOT));
    }

    private static final class Failures {
        final Deque<Instant> times = new ArrayDeque<>();
        Instant blockedUntil;
    }
}
