package org.tandem.administration.operator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.Permission;
import org.tandem.administration.shared.DisplayNames;
import org.tandem.domain.account.Role;
import org.tandem.domain.node.Node;
import org.tandem.domain.node.NodeHeartbeats;
import org.tandem.domain.node.NodeHeartbeats.Heartbeat;
import org.tandem.domain.node.NodeRepository;
import org.tandem.domain.node.ReplicationHealth;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.pool.PoolRepository;
import org.tandem.domain.pool.PoolUsage;
import org.tandem.domain.registration.NodeActivity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class DefaultClusterService implements ClusterService {

    /** How long a node's published call count stays current (it refreshes every second). */
    private static final Duration CALL_COUNT_FRESH = Duration.ofSeconds(5);
    private static final Permission SEE = Permission.to("see the cluster", Role.OPERATOR);

    @Inject
    private PoolRepository pools;
    @Inject
    private NodeRepository nodes;
    @Inject
    private NodeActivity activity;
    @Inject
    private NodeHeartbeats heartbeats;
    @Inject
    private ReplicationHealth replication;
    private final Clock clock = Clock.systemUTC();

    @Override
    public ClusterOverview overview(Actor actor) {
        SEE.require(actor);
        return overviewForMetrics();
    }

    @Override
    public ClusterOverview overviewForMetrics() {
        Instant now = clock.instant();
        List<Node> allNodes = nodes.all();
        Map<UUID, String> names = DisplayNames.ofNodes(allNodes);
        List<PoolUsage> usage = pools.usage();
        List<PoolOverview> poolViews = usage.stream().map(used -> new PoolOverview(used.pool().name(),
                names.get(used.pool().primaryNodeId()),
                used.pool().secondaryNodeId().map(names::get).orElse(null), used.tenants(), used.extensions())).toList();
        ReplicationHealth.Report links = replication.now();
        Map<String, ReplicationHealth.Link> linkByPeer = links.links().stream()
                .collect(Collectors.toMap(ReplicationHealth.Link::peer, Function.identity()));
        Map<UUID, NodeActivity.Activity> held = activity.activity(now);
        Map<UUID, Heartbeat> beats = heartbeats.all();
        Map<UUID, Long> calls = heartbeats.activeCalls(now.minus(CALL_COUNT_FRESH));
        List<NodeOverview> nodeViews = allNodes.stream().map(node -> {
            NodeActivity.Activity phones = held.get(node.id());
            Heartbeat beat = beats.get(node.id());
            return new NodeOverview(node.name(), node.sipAddress().toString(), node.clusterHost(),
                    poolsOf(node, usage.stream().map(PoolUsage::pool).toList()),
                    phones == null ? 0 : phones.activeBindings(), phones == null ? null : phones.lastRegistration(),
                    NodeHealth.of(beat, now), beat == null ? null : beat.seenAt(), beat == null ? null : beat.startedAt(),
                    beat == null ? null : beat.sipUp(), databaseReachable(node, links, linkByPeer),
                    calls.getOrDefault(node.id(), 0L), beat == null ? null : beat.portalUrl());
        }).toList();
        return new ClusterOverview(links.node(), now, poolViews, nodeViews, links);
    }

    /** This node's database answers (it is being read); a peer's, when it streams its changes here. */
    private static Boolean databaseReachable(Node node, ReplicationHealth.Report links,
                                             Map<String, ReplicationHealth.Link> linkByPeer) {
        if (node.name().equals(links.node())) {
            return true;
        }
        ReplicationHealth.Link link = linkByPeer.get(node.name());
        return link == null ? null : link.receiving().now();
    }

    private static List<String> poolsOf(Node node, List<Pool> all) {
        List<String> served = new ArrayList<>();
        for (Pool pool : all) {
            if (pool.primaryNodeId().equals(node.id())) {
                served.add(pool.name() + " (primary)");
            } else if (pool.secondaryNodeId().filter(node.id()::equals).isPresent()) {
                served.add(pool.name() + " (secondary)");
            }
        }
        return served;
    }
}
