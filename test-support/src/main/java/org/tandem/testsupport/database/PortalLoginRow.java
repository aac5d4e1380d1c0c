package org.tandem.testsupport.database;

import org.tandem.domain.account.PasswordHash;
import org.tandem.domain.account.Role;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** A login to the portal and the API, its password hashed as the product hashes it ({@link PasswordHash}). */
public final class PortalLoginRow extends Row {

    private final String username;
    private final Role role;
    private final UUID reseller;
    private String password;

    private PortalLoginRow(String username, Role role, UUID reseller) {
        this.username = username;
        this.role = role;
        this.reseller = reseller;
        this.password = "password-of-" + username;
    }

    /** The login of an admin of {@code reseller}; the other roles' logins are made through the services. */
    public static PortalLoginRow resellerAdmin(String username, UUID reseller) {
        return new PortalLoginRow(username, Role.RESELLER_ADMIN, reseller);
    }

    public PortalLoginRow password(String password) {
        this.password = password;
        return this;
    }

    @Override
    public UUID insertInto(Connection connection) throws SQLException {
        Sql.execute(connection, "insert into portal_account (id, username, password_hash, role, reseller_id, created_at) "
                        + "values (?, ?, ?, ?, ?, now())",
                id, username, PasswordHash.of(password.toCharArray()).encoded(), role.name(), reseller);
        return id;
    }

    @Override
    public String toString() {
        return role + " login " + username;
    }
}
