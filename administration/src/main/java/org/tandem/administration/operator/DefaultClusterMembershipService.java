package org.tandem.administration.operator;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.Permission;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.shared.Watchers;
import org.tandem.domain.account.Role;
import org.tandem.domain.node.ClusterMembershipChanges;
import org.tandem.domain.node.ClusterMembershipChanges.Change;
import org.tandem.domain.node.MembershipChangeFailedException;
import org.tandem.administration.operator.MembershipJob.Kind;
import org.tandem.administration.operator.MembershipJob.Outcome;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs each change on the container's managed executor, marked long-running (a copy may take many
 * minutes), and keeps its progress in memory: it concerns this node's page only (a change cut short
 * by this node stopping is not undone: docs/operations.md says what to do). No transaction: a change
 * works on the nodes' databases directly, each statement on its own.
 */
@ApplicationScoped
public class DefaultClusterMembershipService implements ClusterMembershipService {

    private static final System.Logger LOG = System.getLogger(DefaultClusterMembershipService.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Permission JOIN = Permission.to("add a node to the cluster", Role.OPERATOR);
    private static final Permission REMOVE = Permission.to("remove a node from the cluster", Role.OPERATOR);
    private static final Permission SEE_CHANGES = Permission.to("see changes to the cluster", Role.OPERATOR);

    @Inject
    private ClusterMembershipChanges changes;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<MembershipJob> job = new AtomicReference<>();
    private final Set<Runnable> watchers = ConcurrentHashMap.newKeySet();

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private Executor executor;

    @Override
    public MembershipJob startJoin(Actor actor, String address) {
        JOIN.require(actor);
        Change<ClusterMembershipChanges.Joined> join;
        try {
            join = changes.join(address);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("address", e.getMessage());
        }
        return start(actor, Kind.JOIN, address.strip(), join, joined -> joined.node() + " joined the cluster; it replicates with "
                + String.join(", ", joined.peers()));
    }

    @Override
    public MembershipJob startRemoval(Actor actor, String node) {
        REMOVE.require(actor);
        return start(actor, Kind.REMOVAL, node, changes.removal(node), removed -> removed.node() + " is no longer a member"
                + (removed.reached() ? "" : "; it was unreachable: if it comes back, delete its data folder before it starts"));
    }

    @Override
    public Optional<MembershipJob> current(Actor actor) {
        SEE_CHANGES.require(actor);
        return Optional.ofNullable(job.get());
    }

    @Override
    public AutoCloseable watch(Actor actor, Runnable onChange) {
        SEE_CHANGES.require(actor);
        watchers.add(onChange);
        return () -> watchers.remove(onChange);
    }

    private <R> MembershipJob start(Actor actor, Kind kind, String target, Change<R> change, Function<R, String> told) {
        MembershipJob started = MembershipJob.started(kind, target, actor.username(), clock.instant());
        MembershipJob before = job.getAndUpdate(current -> current != null && current.running() ? current : started);
        if (before != null && before.running()) {
            throw InvalidInputException.of(InvalidInputException.WHOLE, "A " + describe(before) + " is running (started by "
                    + before.startedBy() + " at " + TIME.format(before.startedAt()) + "): wait until it ends, then try again");
        }
        LOG.log(Level.INFO, "{0} started by {1}", describe(started), actor.username());
        tell();
        Runnable task = () -> run(change, told);
        try {
            executor.execute(ManagedExecutors.managedTask(task, Map.of(ManagedTask.LONGRUNNING_HINT, "true",
                    ManagedTask.IDENTITY_NAME, describe(started)), null));
        } catch (RejectedExecutionException e) {
            end(Outcome.FAILED, "This node could not start it now (" + e.getMessage() + "): try again");
        }
        return started;
    }

    private <R> void run(Change<R> change, Function<R, String> told) {
        try {
            R result = change.run(step -> update(current -> current.at(step)));
            end(Outcome.SUCCEEDED, told.apply(result));
        } catch (MembershipChangeFailedException e) {
            LOG.log(Level.WARNING, e.getMessage());
            end(Outcome.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "A change to the cluster failed unexpectedly", e);
            end(Outcome.FAILED, "It failed unexpectedly (" + e + "); the server log has the details");
        }
    }

    private void end(Outcome outcome, String message) {
        update(current -> current.ended(outcome, message, clock.instant()));
        if (outcome == Outcome.SUCCEEDED) {
            LOG.log(Level.INFO, message);
        }
    }

    private void update(UnaryOperator<MembershipJob> change) {
        job.updateAndGet(change);
        tell();
    }

    private void tell() {
        Watchers.tellAll(watchers, LOG, "A watcher of cluster changes failed");
    }

    private static String describe(MembershipJob job) {
        return (job.kind() == Kind.JOIN ? "join of the node at " : "removal of node ") + job.target();
    }
}
