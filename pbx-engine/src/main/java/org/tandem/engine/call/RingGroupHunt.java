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
 * How a call to a ring group goes on each time the members rung so far did not answer: it names the
 * next phones to ring through the call's forking, or the answer the caller gets ({@link Call.Hunt});
 * the call's owner ({@link CallControl}) does it.
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

    RingGroupHunt(EngineServices services) {
        this.services = services;
    }

    /** How {@code call} hunts through {@code group}. */
    Call.Hunt of(Call call, RingGroup group) {
        return group.strategy() == RingStrategy.SIMULTANEOUS ? new AllAtOnce(call, group) : new OneByOne(call, group);
    }

    /** A member's bindings could not be read: the caller gets 503. */
    private static final class Unreadable extends Exception {

        Unreadable(RuntimeException cause) {
            super(cause);
        }
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
        public Call.HuntStep next() {
            try {
                List<Registration> phones = nextPhones();
                return phones.isEmpty() ? giveUp() : new Call.HuntStep.Ring(phones, group.memberTimeout());
            } catch (Unreadable e) {
                return new Call.HuntStep.GiveUp(Response.SERVICE_UNAVAILABLE, null, CallDisposition.FAILED);
            }
        }

        /** The phones to ring next; none when nobody is left. */
        abstract List<Registration> nextPhones() throws Unreadable;

        private Call.HuntStep giveUp() {
            if (call.forks().isEmpty()) {
                return new Call.HuntStep.GiveUp(Response.TEMPORARILY_UNAVAILABLE, null, CallDisposition.FAILED);
            }
            if (skipped == 0 && call.forks().stream().allMatch(fork -> BUSY.contains(fork.finalStatus()))) {
                return new Call.HuntStep.GiveUp(Response.BUSY_HERE, null, CallDisposition.BUSY);
            }
            return new Call.HuntStep.GiveUp(Response.TEMPORARILY_UNAVAILABLE, "No Answer", CallDisposition.NO_ANSWER);
        }

        /** The phones of {@code member}, which is not the caller. */
        List<Registration> phones(ExtensionNumber member) throws Unreadable {
            try {
                return services.registrations().activeAnywhere(new AddressOfRecord(call.tenantId, member),
                        services.clock().instant().truncatedTo(ChronoUnit.MILLIS));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ring group " + group.number() + " of tenant " + call.tenantId
                        + ": bindings of " + member + " unreadable (503): " + e);
                throw new Unreadable(e);
            }
        }

        boolean isCaller(ExtensionNumber member) {
            return member.digits().equals(call.caller);
        }
    }

    private final class AllAtOnce extends Progress {

        private boolean rung;

        AllAtOnce(Call call, RingGroup group) {
            super(call, group);
        }

        @Override
        List<Registration> nextPhones() throws Unreadable {
            if (rung) {
                return List.of();
            }
            rung = true;
            List<Registration> all = new ArrayList<>();
            for (ExtensionNumber member : group.members()) {
                if (isCaller(member)) {
                    continue;
                }
                List<Registration> phones = phones(member);
                if (phones.isEmpty()) {
                    skipped++;
                }
                all.addAll(phones);
            }
            return all;
        }
    }

    private final class OneByOne extends Progress {

        private final Iterator<ExtensionNumber> next;

        OneByOne(Call call, RingGroup group) {
            super(call, group);
            this.next = group.members().iterator();
        }

        @Override
        List<Registration> nextPhones() throws Unreadable {
            while (next.hasNext()) {
                ExtensionNumber member = next.next();
                if (isCaller(member)) {
                    continue;
                }
                List<Registration> phones = phones(member);
                if (!phones.isEmpty()) {
                    return phones;
                }
                skipped++;
            }
            return List.of();
        }
    }
}
