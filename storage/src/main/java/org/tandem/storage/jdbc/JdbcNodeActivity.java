package org.tandem.storage.jdbc;

import org.tandem.domain.registration.NodeActivity;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Bindings per node from {@code registration}, on its (node_id, expires_at) index. */
public final class JdbcNodeActivity implements NodeActivity {

    private static final String PER_NODE = "select node_id, count(*), max(registered_at) from registration "
            + "where expires_at > ? group by node_id";

    private final DataSource dataSource;

    public JdbcNodeActivity(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source");
    }

    @Override
    public Map<UUID, Activity> activity(Instant now) {
        return Queries.map(dataSource, "could not count the bindings per node", PER_NODE,
                row -> row.getObject(1, UUID.class),
                row -> new Activity(row.getLong(2), row.getObject(3, OffsetDateTime.class).toInstant()), now);
    }
}
