package org.tandem.testsupport.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** A ring group of a tenant and its members in ring order; rings them all at once unless told. */
public final class RingGroupRow extends Row {

    private final UUID tenant;
    private final String number;
    private final List<String> members;
    private String strategy = "SIMULTANEOUS";
    private Integer memberTimeoutSeconds;

    private RingGroupRow(UUID tenant, String number, List<String> members) {
        this.tenant = tenant;
        this.number = number;
        this.members = List.copyOf(members);
    }

    public static RingGroupRow ringGroup(UUID tenant, String number, String... memberNumbers) {
        return new RingGroupRow(tenant, number, List.of(memberNumbers));
    }

    /** Rings one member after another, each for {@code seconds}. */
    public RingGroupRow sequential(int seconds) {
        this.strategy = "SEQUENTIAL";
        this.memberTimeoutSeconds = seconds;
        return this;
    }

    @Override
    public UUID insertInto(Connection connection) throws SQLException {
        Sql.execute(connection, "insert into ring_group (id, tenant_id, number, name, strategy, created_at) "
                + "values (?, ?, ?, ?, ?, now())", id, tenant, number, "Group " + number, strategy);
        if (memberTimeoutSeconds != null) {
            Sql.execute(connection, "update ring_group set member_timeout_seconds = ? where id = ?", memberTimeoutSeconds, id);
        }
        for (int position = 0; position < members.size(); position++) {
            Sql.execute(connection, "insert into ring_group_member (ring_group_id, position, extension_number) "
                    + "values (?, ?, ?)", id, position, members.get(position));
        }
        return id;
    }

    @Override
    public String toString() {
        return "ring group " + number;
    }
}
