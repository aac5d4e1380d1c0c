package org.tandem.storage.jdbc;

import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.router.dns.ClusterLayout;
import org.tandem.router.dns.ClusterLayouts;
import org.tandem.router.dns.PoolServers;
import org.tandem.router.dns.SipServer;
import org.tandem.router.dns.TenantDomain;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The pools with their nodes and the pool of every tenant, as DNS publishing needs them. */
public final class JdbcClusterLayouts implements ClusterLayouts {

    /*
     * One statement, so one snapshot: a tenant is never read with a pool that the same read does
     * not see (a pool created, or a tenant moved, between two queries).
     */
    private static final String LAYOUT = """
            select 'node' as kind, p.name as pool, n.name as name, n.sip_host, n.sip_port,
                   n.id = p.secondary_node_id as secondary
            from pool p join node n on n.id = p.primary_node_id or n.id = p.secondary_node_id
            union all
            select 'tenant', p.name, t.sip_domain, null, null, null
            from tenant t join pool p on p.id = t.pool_id
            order by kind, pool, secondary, name""";

    private final DataSource dataSource;

    public JdbcClusterLayouts(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public ClusterLayout current() {
        return Queries.read(dataSource, "could not read the cluster's pools and tenants", LAYOUT, JdbcClusterLayouts::layout);
    }

    private static ClusterLayout layout(ResultSet row) throws SQLException {
        Map<String, List<SipServer>> poolNodes = new LinkedHashMap<>();
        List<TenantDomain> tenants = new ArrayList<>();
        while (row.next()) {
            if (row.getString("kind").equals("node")) {
                poolNodes.computeIfAbsent(row.getString("pool"), pool -> new ArrayList<>()).add(new SipServer(
                        row.getString("name"), new NetworkAddress(row.getString("sip_host"), row.getInt("sip_port"))));
            } else {
                tenants.add(new TenantDomain(new SipDomain(row.getString("name")), row.getString("pool")));
            }
        }
        List<PoolServers> pools = new ArrayList<>();
        poolNodes.forEach((pool, nodes) -> pools.add(new PoolServers(pool, nodes)));
        return new ClusterLayout(pools, tenants);
    }
}
