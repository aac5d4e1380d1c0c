package org.tandem.storage.jdbc;

import org.tandem.domain.registration.NodeActivity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
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
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PER_NODE)) {
            statement.setObject(1, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                Map<UUID, Activity> activity = new HashMap<>();
                while (rows.next()) {
                    activity.put(rows.getObject(1, UUID.class),
                            new Activity(rows.getLong(2), rows.getObject(3, OffsetDateTime.class).toInstant()));
                }
                return activity;
            }
        } catch (SQLException e) {
            throw new StorageException("could not count the bindings per node", e);
        }
    }
}
