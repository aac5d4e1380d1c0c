package org.tandem.administration.operator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.Scope;
import org.tandem.domain.account.Role;
import org.tandem.domain.node.Node;
import org.tandem.domain.node.NodeRepository;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.pool.PoolRepository;
import org.tandem.domain.pool.PoolUsage;
import org.tandem.domain.registration.NodeActivity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class DefaultClusterService implements ClusterService {

    private PoolRepository pools;
    private NodeRepository nodes;
    private NodeActivity activity;
    private Clock clock;

    /** For CDI's client proxy only. */
    protected DefaultClusterService() {
    }

    @Inject
    public DefaultClusterService(PoolRepository pools, NodeRepository nodes, NodeActivity activity) {
        this.pools = pools;
        this.nodes = nodes;
        this.activity = activity;
        this.clock = Clock.systemUTC();
    }

    @Override
    public ClusterOverview overview(Actor actor) {
        Scope.requireRole(actor, "see the cluster", Role.OPERATOR);
        List<Node> allNodes = nodes.all();
        Map<UUID, String> names = allNodes.stream().collect(Collectors.toMap(Node::id, Node::name));
        List<PoolUsage> usage = pools.usage();
        List<PoolOverview> poolViews = usage.stream().map(used -> new PoolOverview(used.pool().name(),
                names.get(used.pool().primaryNodeId()),
                used.pool().secondaryNodeId().map(names::get).orElse(null), used.tenants(), used.extensions())).toList();
        Map<UUID, NodeActivity.Activity> held = activity.activity(clock.instant());
        List<NodeOverview> nodeViews = allNodes.stream().map(node -> {
            NodeActivity.Activity phones = held.get(node.id());
            return new NodeOverview(node.name(), node.sipAddress().toString(), node.clusterHost(),
                    poolsOf(node, usage.stream().map(PoolUsage::pool).toList()),
                    phones == null ? 0 : phones.activeBindings(), phones == null ? null : phones.lastRegistration());
        }).toList();
        return new ClusterOverview(poolViews, nodeViews);
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
