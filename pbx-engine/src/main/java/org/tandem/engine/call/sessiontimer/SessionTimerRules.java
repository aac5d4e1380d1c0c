package org.tandem.engine.call.sessiontimer;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 4028 for a B2BUA that passes refreshes through: pure functions of the header values (null
 * when absent) and the node's interval and minimum.
 * <ul>
 * <li>a new call's INVITE: Session-Expires below the node's minimum, 422 with its Min-SE; otherwise
 * the session is the asked one or the node's interval, whichever is shorter, but never below the
 * caller's Min-SE or the node's minimum;</li>
 * <li>the callee's 2xx: its Session-Expires and refresher stand for the caller's dialog too (a
 * refresh from either phone reaches the other); without one, the caller refreshes if it supports
 * timers, else the call has no session timer (no phone would refresh it).</li>
 * </ul>
 */
public final class SessionTimerRules {

    private final int seconds;
    private final int minSeconds;

    /**
     * @param interval the session the node offers when the caller asks for none or a longer one
     * @param minimum  the shortest session the node accepts (its Min-SE)
     */
    public SessionTimerRules(Duration interval, Duration minimum) {
        if (minimum.toSeconds() < 1 || interval.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("session timer needs 1 s <= Min-SE (" + minimum.toSeconds()
                    + " s) <= Session-Expires (" + interval.toSeconds() + " s)");
        }
        this.seconds = Math.toIntExact(interval.toSeconds());
        this.minSeconds = Math.toIntExact(minimum.toSeconds());
    }

    /** The node's Min-SE, for its INVITEs and its 422s. */
    public int minSeconds() {
        return minSeconds;
    }

    /** A new call's INVITE, from its {@code Session-Expires}, {@code Min-SE} and whether it supports "timer". */
    public SessionTimerDecision offer(String sessionExpires, String minSe, boolean callerSupportsTimer) {
        Refresher refresher = null;
        int asked = seconds;
        int callerMin = 0;
        if (sessionExpires != null) {
            Optional<Parsed> parsed = parse(sessionExpires);
            if (parsed.isEmpty()) {
                return new SessionTimerDecision.Malformed("Bad Session-Expires");
            }
            if (parsed.get().seconds < minSeconds) {
                return new SessionTimerDecision.TooBrief(minSeconds);
            }
            asked = Math.min(parsed.get().seconds, seconds);
            refresher = parsed.get().refresher;
        }
        if (minSe != null) {
            Optional<Integer> parsedMin = deltaSeconds(minSe.split(";", 2)[0]);
            if (parsedMin.isEmpty()) {
                return new SessionTimerDecision.Malformed("Bad Min-SE");
            }
            callerMin = parsedMin.get();
        }
        return new SessionTimerDecision.Offered(Math.max(asked, Math.max(callerMin, minSeconds)), refresher,
                callerSupportsTimer);
    }

    /**
     * The callee's 2xx to an {@code offered} session: its {@code Session-Expires} (null: none) makes the
     * caller's; none there, the caller refreshes if it can. Empty: the call has no session timer.
     */
    public Optional<SessionTimer> answered(SessionTimerDecision.Offered offered, String sessionExpires) {
        Optional<Parsed> parsed = sessionExpires == null ? Optional.empty() : parse(sessionExpires);
        if (parsed.isPresent()) {
            Refresher refresher = parsed.get().refresher != null ? parsed.get().refresher
                    : offered.callerSupportsTimer() ? Refresher.UAC : Refresher.UAS;
            if (refresher == Refresher.UAC && !offered.callerSupportsTimer()) {
                return Optional.empty(); // the callee wants the caller to refresh, and it cannot
            }
            return Optional.of(new SessionTimer(Math.max(parsed.get().seconds, minSeconds), refresher));
        }
        if (offered.callerSupportsTimer() && offered.refresher() != Refresher.UAS) {
            return Optional.of(new SessionTimer(offered.seconds(), Refresher.UAC));
        }
        return Optional.empty();
    }

    /** A refresh's 2xx may set a new interval ({@code sessionExpires}, null: unchanged). */
    public SessionTimer refreshed(SessionTimer current, String sessionExpires) {
        Optional<Parsed> parsed = sessionExpires == null ? Optional.empty() : parse(sessionExpires);
        return parsed.map(p -> new SessionTimer(Math.max(p.seconds, minSeconds),
                p.refresher == null ? current.refresher() : p.refresher)).orElse(current);
    }

    private record Parsed(int seconds, Refresher refresher) {
    }

    /** {@code delta-seconds *( ";" se-params )}, its refresher (if any) uac or uas. */
    private static Optional<Parsed> parse(String value) {
        String[] parts = value.split(";");
        Optional<Integer> seconds = deltaSeconds(parts[0]);
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        Refresher refresher = null;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("refresher")) {
                String side = parameter.length == 2 ? parameter[1].strip().toLowerCase(Locale.ROOT) : "";
                switch (side) {
                    case "uac" -> refresher = Refresher.UAC;
                    case "uas" -> refresher = Refresher.UAS;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(new Parsed(seconds.get(), refresher));
    }

    private static Optional<Integer> deltaSeconds(String text) {
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(digits));
    }
}
