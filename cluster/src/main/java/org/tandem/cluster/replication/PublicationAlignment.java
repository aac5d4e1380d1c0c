package org.tandem.cluster.replication;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps every member's publication at what all members can take: the tables and columns that every
 * member's schema has ({@link ReplicatedTables#common}). Run when a node joins and when a node
 * starts (it may just have migrated: the last node to migrate widens every publication). When a
 * publication gains a table, every subscription is refreshed to take it in, without a copy: a new
 * table is empty until every node has it (the rule in docs/operations.md).
 */
public final class PublicationAlignment {

    private static final System.Logger LOG = System.getLogger(PublicationAlignment.class.getName());

    private PublicationAlignment() {
    }

    /**
     * Aligns the publications of {@code nodes}: every member, by name, each through an auto-committing
     * connection as its own login.
     */
    public static void align(Map<String, Connection> nodes) throws SQLException {
        List<Map<String, List<String>>> schemas = new ArrayList<>();
        for (Connection node : nodes.values()) {
            schemas.add(ReplicatedTables.in(node));
        }
        Map<String, List<String>> common = ReplicatedTables.common(schemas);
        boolean tablesAdded = false;
        for (Map.Entry<String, Connection> node : nodes.entrySet()) {
            Map<String, List<String>> before = Publication.published(node.getValue());
            if (Publication.align(node.getValue(), common)) {
                LOG.log(Level.INFO, "Publication on {0} now sends {1} tables: {2}", node.getKey(), common.size(),
                        String.join(", ", common.keySet()));
                tablesAdded |= !before.isEmpty() && !ReplicatedTables.added(before, common).isEmpty();
            }
        }
        if (tablesAdded) {
            for (Map.Entry<String, Connection> node : nodes.entrySet()) {
                ReplicationCatalog catalog = new ReplicationCatalog(node.getValue(), node.getKey());
                for (String subscription : catalog.subscriptions()) {
                    catalog.refresh(subscription);
                }
            }
        }
    }
}
