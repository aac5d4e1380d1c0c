package org.tandem.testsupport.database;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** An operator and one reseller of it: whom every tenant belongs to. */
public record OwnerRows(UUID operator, UUID reseller) {

    public static OwnerRows insertInto(DataSource database) {
        try (Connection connection = database.getConnection()) {
            return insertInto(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write an operator and a reseller", e);
        }
    }

    public static OwnerRows insertInto(Connection connection) throws SQLException {
        OwnerRows owners = new OwnerRows(UUID.randomUUID(), UUID.randomUUID());
        Sql.execute(connection, "insert into operator (id, name, created_at) values (?, 'Operator', now())",
                owners.operator);
        Sql.execute(connection, "insert into reseller (id, operator_id, name, created_at) values (?, ?, 'Reseller', now())",
                owners.reseller, owners.operator);
        return owners;
    }
}
