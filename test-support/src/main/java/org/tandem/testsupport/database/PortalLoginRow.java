package org.tandem.testsupport.database;

import org.tandem.domain.account.PasswordHash;
import org.tandem.domain.account.Role;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** A login to the portal and the API, its password hashed as the product hashes it ({@link PasswordHash}). */
public final class PortalLoginRow extends Row<PortalLoginRow> {

    private String password;

    private PortalLoginRow(String username, Role role) {
        super("portal_account", role + " login " + username);
        this.password = "password-of-" + username;
    }

    /** The login of an admin of {@code reseller}; the other roles' logins are made through the services. */
    public static PortalLoginRow resellerAdmin(String username, UUID reseller) {
        return new PortalLoginRow(username, Role.RESELLER_ADMIN).set("username", username)
                .set("role", Role.RESELLER_ADMIN.name()).set("reseller_id", reseller);
    }

    public PortalLoginRow password(String password) {
        this.password = password;
        return this;
    }

    @Override
    public UUID insertInto(Connection connection) throws SQLException {
        // hashed only now: a hash takes a while, and a test may choose the password after the role
        set("password_hash", PasswordHash.of(password.toCharArray()).encoded());
        return super.insertInto(connection);
    }
}
