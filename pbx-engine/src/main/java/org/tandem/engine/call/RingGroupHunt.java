package org.tandem.engine.call;

import org.tandem.domain.call.CallDisposition;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.ringgroup.RingGroup;
import org.tandem.domain.ringgroup.RingStrategy;
import org.tandem.engine.services.EngineServices;

import javax.sip.message.Response;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A call to a ring group: rings its members' phones through the call's forking ({@link CallControl#ring}).
 * <ul>
 * <li>SIMULTANEOUS: every phone of every member at once, for the group's member timeout; the first
 * answer wins, the others are cancelled;</li>
 * <li>SEQUENTIAL: member by member in order (all phones of the member), each for the member
 * timeout, moving on early when all its phones refused (busy, declined, unreachable).</li>
 * </ul>
 * A member with no phone registered here is skipped, and so is the caller (a member calling its own
 * group does not ring itself). Nobody answered: 486 if every member was rung
 * and every phone said busy (everybody is on the phone, try later is true), else 480 (someone was
 * not there or did not answer, and busy would be a lie). The group's timing replaces the node's
 * no-answer timeout for these calls. Called with the call's lock held.
 */
final class RingGroupHunt {

    private static final System.Logger LOG = System.getLogger(RingGroupHunt.class.getName());
    private static final Set<Integer> BUSY = Set.of(Response.BUSY_HERE, Response.BUSY_EVERYWHERE);

    private final EngineServices services;
    private final CallControl control;

    RingGroupHunt(EngineServices services, CallControl control) {
        this.services = services;
        this.control = control;
    }

    /** Starts ringing {@code group} for {@code call}, or ends the call at once if no member has a phone. */
    void ring(Call call, RingGroup group) {
        call.huntWith(group.strategy() == RingStrategy.SIMULTANEOUS ? new AllAtOnce(call, group)
                : new OneByOne(call, group));
        if (!call.hunt().ringNext()) {
            call.hunt().giveUp();
        }
    }

    private List<Registration> phonesOf(Call call, ExtensionNumber member) {
        return services.registrations().activeAnywhere(new AddressOfRecord(call.tenantId, member),
                services.clock().instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** What was tried so far, and the answer when nobody is left. */
    private abstract class Progress implements Call.Hunt {

        final Call call;
        final RingGroup group;
        int skipped;

        Progress(Call call, RingGroup group) {
            this.call = call;
            this.group = group;
        }

        @Override
        public void giveUp() {
            if (!call.isRinging()) {
                return;
            }
            if (call.forks().isEmpty()) {
                control.reject(call, Response.TEMPORARILY_UNAVAILABLE, null, CallDisposition.FAILED);
            } else if (skipped == 0 && call.forks().stream().allMatch(fork -> BUSY.contains(fork.finalStatus()))) {
                control.reject(call, Response.BUSY_HERE, null, CallDisposition.BUSY);
            } else {
                control.reject(call, Response.TEMPORARILY_UNAVAILABLE, "No Answer", CallDisposition.NO_ANSWER);
            }
        }

        /** The phones of {@code member}; a failed lookup ends the call (503) and is rethrown as handled. */
        List<Registration> phones(ExtensionNumber member) {
            try {
                return phonesOf(call, member);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ring group " + group.number() + " of tenant " + call.tenantId
                        + ": bindings of " + member + " unreadable (503): " + e);
                control.reject(call, Response.SERVICE_UNAVAILABLE, null);
                return null;
            }
        }
    }

    private final class AllAtOnce extends Progress {

        private boolean rung;

        AllAtOnce(Call call, RingGroup group) {
            super(call, group);
        }

        @Override
        public boolean ringNext() {
            if (rung || !call.isRinging()) {
                return false;
            }
            rung = true;
            List<Registration> all = new ArrayList<>();
            for (ExtensionNumber member : group.members()) {
                if (member.digits().equals(call.caller)) {
                    continue;
                }
                List<Registration> phones = phones(member);
                if (phones == null) {
                    return true; // the call ended
                }
                if (phones.isEmpty()) {
                    skipped++;
                }
                all.addAll(phones);
            }
            if (all.isEmpty()) {
                return false;
            }
            control.ring(call, all, group.memberTimeout());
            return true;
        }
    }

    private final class OneByOne extends Progress {

        private final Iterator<ExtensionNumber> next;

        OneByOne(Call call, RingGroup group) {
            super(call, group);
            this.next = group.members().iterator();
        }

        @Override
        public boolean ringNext() {
            if (!call.isRinging()) {
                return false;
            }
            while (next.hasNext()) {
                ExtensionNumber member = next.next();
                if (member.digits().equals(call.caller)) {
                    continue;
                }
                List<Registration> phones = phones(member);
                if (phones == null) {
                    return true; // the call ended
                }
                if (phones.isEmpty()) {
                    skipped++;
                    continue;
                }
                control.ring(call, phones, group.memberTimeout());
                return true;
            }
            return false;
        }
    }
}
