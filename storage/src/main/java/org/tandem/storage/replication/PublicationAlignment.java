package org.tandem.storage.replication;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
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

    /** Aligns the publications of the nodes behind {@code nodes} (one auto-committing connection each, every member). */
    public static void align(Collection<Connection> nodes) throws SQLException {
        List<Map<String, List<String>>> schemas = new ArrayList<>();
        for (Connection node : nodes) {
            schemas.add(ReplicatedTables.in(node));
        }
        Map<String, List<String>> common = ReplicatedTables.common(schemas);
        boolean tablesAdded = false;
        for (Connection node : nodes) {
            Map<String, List<String>> before = Publication.published(node);
            if (Publication.align(node, common)) {
                LOG.log(Level.INFO, "Publication on {0} now sends {1} tables", node.getMetaData().getURL(), common.size());
                tablesAdded |= !before.isEmpty() && !ReplicatedTables.added(before, common).isEmpty();
            }
        }
        if (tablesAdded) {
            for (Connection node : nodes) {
                ReplicationCatalog catalog = new ReplicationCatalog(node, node.getMetaData().getURL());
                for (String subscription : catalog.subscriptions()) {
                    catalog.refresh(subscription);
                }
            }
        }
    }
}
