package org.tandem.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.tandem.domain.shared.Identified;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A login to the portal and the API. Its role fixes its scope: an operator account belongs to no
 * reseller or tenant, a reseller admin to exactly one reseller, a tenant login to exactly one tenant.
 */
@Entity
@Table(name = "portal_account")
public class PortalAccount extends Identified {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Role role;

    @Column(name = "reseller_id", updatable = false)
    private UUID resellerId;

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    /** A tenant user's own extension, whose phone and calls the login sees; null for every other login. */
    @Column(name = "extension_id")
    private UUID extensionId;

    protected PortalAccount() {
    }

    private PortalAccount(String username, char[] password, Role role, UUID resellerId, UUID tenantId) {
        this.username = normalizedUsername(username);
        this.passwordHash = PasswordHash.of(password).encoded();
        this.role = role;
        this.resellerId = resellerId;
        this.tenantId = tenantId;
    }

    public static PortalAccount operator(String username, char[] password) {
        return new PortalAccount(username, password, Role.OPERATOR, null, null);
    }

    public static PortalAccount resellerAdmin(String username, char[] password, UUID resellerId) {
        return new PortalAccount(username, password, Role.RESELLER_ADMIN, Objects.requireNonNull(resellerId, "reseller"), null);
    }

    public static PortalAccount tenantLogin(String username, char[] password, Role role, UUID tenantId) {
        if (role != Role.TENANT_ADMIN && role != Role.TENANT_USER) {
            throw new IllegalArgumentException("a tenant login is a tenant admin or a tenant user, not " + role);
        }
        return new PortalAccount(username, password, role, null, Objects.requireNonNull(tenantId, "tenant"));
    }

    /** A tenant user who sees the phone and calls of {@code extensionId}, an extension of {@code tenantId}. */
    public static PortalAccount tenantUser(String username, char[] password, UUID tenantId, UUID extensionId) {
        PortalAccount account = tenantLogin(username, password, Role.TENANT_USER, tenantId);
        account.extensionId = Objects.requireNonNull(extensionId, "extension");
        return account;
    }

    /** Usernames compare without case, so "Alice" cannot sit beside "alice". */
    public static String normalizedUsername(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(normalized).matches()) {
            throw new IllegalArgumentException(
                    "username must be 3 to 64 letters, digits or . _ @ -, starting with a letter or digit");
        }
        return normalized;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    public Optional<UUID> resellerId() {
        return Optional.ofNullable(resellerId);
    }

    public Optional<UUID> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    /** The extension a tenant user sees; empty for other logins, and for a tenant user whose extension was deleted. */
    public Optional<UUID> extensionId() {
        return Optional.ofNullable(extensionId);
    }

    public boolean canSignIn(char[] password) {
        return new PasswordHash(passwordHash).matches(password);
    }

    public void changePassword(char[] newPassword) {
        passwordHash = PasswordHash.of(newPassword).encoded();
    }
}
