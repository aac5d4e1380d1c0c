package org.tandem.administration.operator;

import org.tandem.domain.node.ClusterMembershipChanges.Step;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A join or a removal started from this node's page, as it goes: the step it is at, then how it
 * ended. A node runs one at a time and keeps the last one until the next starts.
 *
 * @param target     the new node's database address (a join) or the node's name (a removal)
 * @param startedBy  the operator's login
 * @param message    null while running; then what came of it, or why it failed
 * @param finishedAt null while running
 */
public record MembershipJob(Kind kind, String target, String startedBy, Instant startedAt, Step step, Outcome outcome,
                            String message, Instant finishedAt) {

    public enum Kind {
        JOIN(List.of(Step.CHECKS, Step.SUBSCRIPTIONS, Step.COPY, Step.DONE)),
        REMOVAL(List.of(Step.CHECKS, Step.SUBSCRIPTIONS, Step.DONE));

        private final List<Step> steps;

        Kind(List<Step> steps) {
            this.steps = steps;
        }

        /** The steps this kind of change goes through, in order. */
        public List<Step> steps() {
            return steps;
        }
    }

    public enum Outcome {
        RUNNING, SUCCEEDED, FAILED
    }

    public MembershipJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
    }

    static MembershipJob started(Kind kind, String target, String startedBy, Instant at) {
        return new MembershipJob(kind, target, startedBy, at, kind.steps().getFirst(), Outcome.RUNNING, null, null);
    }

    public boolean running() {
        return outcome == Outcome.RUNNING;
    }

    MembershipJob at(Step reached) {
        return new MembershipJob(kind, target, startedBy, startedAt, reached, outcome, message, finishedAt);
    }

    MembershipJob ended(Outcome end, String told, Instant at) {
        return new MembershipJob(kind, target, startedBy, startedAt, step, end, told, at);
    }
}
