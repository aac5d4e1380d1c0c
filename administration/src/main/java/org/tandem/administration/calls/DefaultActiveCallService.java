package org.tandem.administration.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.Permission;
import org.tandem.administration.access.Scope;
import org.tandem.administration.operator.NodeHealth;
import org.tandem.administration.shared.DisplayNames;
import org.tandem.domain.call.ActiveCall;
import org.tandem.domain.call.TenantActiveCalls;
import org.tandem.domain.node.NodeHeartbeats;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads only: each node publishes its own calls (the engine), every node reads them all. A node that
 * died cannot take its calls down, so the calls of a node whose heartbeat has gone silent
 * ({@link NodeHealth#SILENT}) are not shown: they ended with it. The node deletes them when it starts
 * again. A node that never wrote a heartbeat is taken as up.
 */
@ApplicationScoped
@Transactional
public class DefaultActiveCallService implements ActiveCallService {

    private static final Permission SEE = Permission.administerTenant("see active calls");

    @Inject
    private TenantRepository tenants;
    @Inject
    private DisplayNames displayNames;
    @Inject
    private TenantActiveCalls calls;
    @Inject
    private ActiveCallChanges changes;
    @Inject
    private NodeHeartbeats heartbeats;
    private final Clock clock = Clock.systemUTC();

    @Override
    public List<LiveCall> activeCalls(Actor actor, UUID tenantId) {
        Tenant tenant = Scope.tenant(actor, SEE, tenants, tenantId);
        Map<String, String> names = displayNames.ofExtensions(tenant.id());
        Map<UUID, String> nodeNames = displayNames.ofNodes();
        Map<UUID, NodeHeartbeats.Heartbeat> beats = heartbeats.all();
        Instant now = clock.instant();
        return calls.ofTenant(tenant.id()).stream()
                .filter(call -> NodeHealth.of(beats.get(call.nodeId()), now) != NodeHealth.SILENT)
                .map(call -> live(call, names, nodeNames)).toList();
    }

    @Override
    public AutoCloseable watch(Actor actor, UUID tenantId, Runnable onChange) {
        return changes.watch(Scope.tenant(actor, SEE, tenants, tenantId).id(), onChange);
    }

    private static LiveCall live(ActiveCall call, Map<String, String> names, Map<UUID, String> nodeNames) {
        return new LiveCall(call.caller(), names.getOrDefault(call.caller(), ""), call.callee(),
                names.getOrDefault(call.callee(), ""), call.state(), nodeNames.getOrDefault(call.nodeId(), "?"),
                call.startedAt(), call.answeredAt());
    }
}
