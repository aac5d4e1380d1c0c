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
    private final UUID tenant;
    private final UUID extension;
    private String password;

    private PortalLoginRow(String username, Role role, UUID reseller, UUID tenant, UUID extension) {
        this.username = username;
        this.role = role;
        this.reseller = reseller;
        this.tenant = tenant;
        this.extension = extension;
        this.password = "password-of-" + username;
    }

    public static PortalLoginRow operator(String username) {
        return new PortalLoginRow(username, Role.OPERATOR, null, null, null);
    }

    public static PortalLoginRow resellerAdmin(String username, UUID reseller) {
        return new PortalLoginRow(username, Role.RESELLER_ADMIN, reseller, null, null);
    }

    public static PortalLoginRow tenantAdmin(String username, UUID tenant) {
        return new PortalLoginRow(username, Role.TENANT_ADMIN, null, tenant, null);
    }

    /** A tenant user who sees the phone and calls of {@code extension} (none when null). */
    public static PortalLoginRow tenantUser(String username, UUID tenant, UUID extension) {
        return new PortalLoginRow(username, Role.TENANT_USER, null, tenant, extension);
    }

    public PortalLoginRow password(String password) {
        this.password = password;
        return this;
    }

    @Override
    public UUID insertInto(Connection connection) throws SQLException {
        Sql.execute(connection, "insert into portal_account (id, username, password_hash, role, reseller_id, tenant_id, "
                        + "extension_id, created_at) values (?, ?, ?, ?, ?, ?, ?, now())",
                id, username, PasswordHash.of(password.toCharArray()).encoded(), role.name(), reseller, tenant, extension);
        return id;
    }

    @Override
    public String toString() {
        return role + " login " + username;
    }
}
