package org.tandem.cluster.replication;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every node replicates: every table of the Tandem schema (configuration, registrations, call
 * records, and whatever later migrations add), except the ones each node keeps to itself.
 * <p>
 * A node may run a newer schema than its peers for a while (a rolling upgrade: each node migrates
 * its own database at start, and DDL does not replicate). A subscriber stops on a change carrying a
 * column or a table it does not have, so a node publishes only the columns and tables that every
 * member of the cluster has: {@link #common} of their schemas.
 */
public final class ReplicatedTables {

    /**
     * Flyway's history: each node records the migrations it applied to its own database; replicating
     * it would make a node believe it had run a migration it never ran.
     */
    public static final Set<String> NODE_LOCAL = Set.of("flyway_schema_history");

    private static final String COLUMNS = """
            select c.relname, a.attname
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            where n.nspname = 'public' and c.relkind = 'r'
            order by c.relname, a.attnum""";

    private ReplicatedTables() {
    }

    /** Table name -> its columns in table order, for every replicated table of the database behind {@code connection}. */
    public static Map<String, List<String>> in(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(COLUMNS)) {
            while (rows.next()) {
                String table = rows.getString(1);
                if (!NODE_LOCAL.contains(table)) {
                    tables.computeIfAbsent(table, name -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return tables;
    }

    /** The tables, and of each the columns, that all of {@code schemas} have (in the first one's order). */
    public static Map<String, List<String>> common(Collection<Map<String, List<String>>> schemas) {
        Iterator<Map<String, List<String>>> each = schemas.iterator();
        Map<String, List<String>> common = new TreeMap<>();
        each.next().forEach((table, columns) -> common.put(table, new ArrayList<>(columns)));
        while (each.hasNext()) {
            Map<String, List<String>> other = each.next();
            common.keySet().retainAll(other.keySet());
            common.forEach((table, columns) -> columns.retainAll(other.get(table)));
        }
        return common;
    }

    /** The tables in {@code after} that {@code before} lacks. */
    static Set<String> added(Map<String, List<String>> before, Map<String, List<String>> after) {
        Map<String, List<String>> added = new LinkedHashMap<>(after);
        added.keySet().removeAll(before.keySet());
        return added.keySet();
    }
}
