package org.tandem.engine.call;

import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The calls this node is handling, found by the Call-ID of either side: the caller's (leg A) or one
 * of the forks' (legs B). Thread-safe.
 */
final class Calls {

    /** A request within a call: the leg it came on and the leg it goes to (null: nowhere, e.g. a losing fork). */
    record InDialog(Call call, Leg from, Leg to) {
    }

    private final ConcurrentMap<String, Call> byCallerCallId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Fork> byForkCallId = new ConcurrentHashMap<>();

    void add(Call call) {
        byCallerCallId.put(call.a.callId, call);
    }

    void add(Fork fork) {
        byForkCallId.put(fork.leg.callId, fork);
    }

    void remove(Call call) {
        byCallerCallId.remove(call.a.callId, call);
        call.forks().forEach(fork -> byForkCallId.remove(fork.leg.callId, fork));
    }

    /** The calls up now (ringing or answered). */
    Collection<Call> all() {
        return List.copyOf(byCallerCallId.values());
    }

    boolean isEmpty() {
        return byCallerCallId.isEmpty();
    }

    /** The call whose caller's INVITE {@code request} (a CANCEL, an ACK) belongs to. */
    Optional<Call> ofCaller(Request request) {
        Call call = byCallerCallId.get(callId(request));
        return call != null && Objects.equals(call.a.remoteTag, fromTag(request)) ? Optional.of(call) : Optional.empty();
    }

    /**
     * The call and legs of an in-dialog request, found by its dialog: Call-ID, From tag (the phone's) and
     * To tag (this node's), RFC 3261 12.2.2. Read the legs under the call's lock.
     */
    Optional<InDialog> inDialog(Request request) {
        String callId = callId(request);
        Call call = byCallerCallId.get(callId);
        if (call != null && names(request, call.a)) {
            synchronized (call) {
                return Optional.of(new InDialog(call, call.a, call.winner() == null ? null : call.winner().leg));
            }
        }
        Fork fork = byForkCallId.get(callId);
        if (fork != null && names(request, fork.leg)) {
            synchronized (fork.call) {
                return Optional.of(new InDialog(fork.call, fork.leg, fork.call.winner() == fork ? fork.call.a : null));
            }
        }
        return Optional.empty();
    }

    Optional<Fork> fork(String callId) {
        return Optional.ofNullable(byForkCallId.get(callId));
    }

    static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String fromTag(Request request) {
        return ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
    }

    /** {@code request} (with {@code leg}'s Call-ID) names {@code leg}'s dialog: its tags are the leg's, swapped. */
    private static boolean names(Request request, Leg leg) {
        return Objects.equals(leg.remoteTag, fromTag(request))
                && Objects.equals(leg.localTag, ((ToHeader) request.getHeader(ToHeader.NAME)).getTag());
    }
}
