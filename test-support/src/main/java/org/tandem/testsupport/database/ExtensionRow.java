package org.tandem.testsupport.database;

import org.tandem.domain.extension.SipCredentials;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An extension of a tenant with its SIP password kept as the product keeps it: the MD5 and SHA-256
 * HA1s that {@link SipCredentials#derive} makes, the tenant's SIP domain being the realm. Its password
 * is {@link #defaultPassword}.
 */
public final class ExtensionRow extends Row {

    private final UUID tenant;
    private final String domain;
    private final String number;
    private final String displayName;
    private final String password;
    private Integer maxContacts;

    private ExtensionRow(UUID tenant, String domain, String number) {
        this.tenant = tenant;
        this.domain = domain;
        this.number = number;
        this.displayName = "Phone " + number;
        this.password = defaultPassword(number, domain);
    }

    /**
     * The SIP password of {@code number} in {@code domain} unless a test sets another: different in
     * every tenant, and what the hand-written phones answer challenges with by default.
     */
    public static String defaultPassword(String number, String domain) {
        return domain.substring(0, domain.indexOf('.')) + "-" + number + "-secret";
    }

    /** Extension {@code number} of the tenant {@code tenant}, whose SIP domain (the digest realm) is {@code domain}. */
    public static ExtensionRow extension(UUID tenant, String domain, String number) {
        return new ExtensionRow(tenant, domain, number);
    }

    /** How many phones may register at once; the schema's default when not told. */
    public ExtensionRow maxContacts(int contacts) {
        this.maxContacts = contacts;
        return this;
    }

    @Override
    public UUID insertInto(Connection connection) throws SQLException {
        SipCredentials credentials = SipCredentials.derive(number, domain, password.toCharArray());
        Sql.execute(connection, "insert into extension (id, tenant_id, number, display_name, ha1_md5, ha1_sha256, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, now())",
                id, tenant, number, displayName, credentials.ha1Md5(), credentials.ha1Sha256());
        if (maxContacts != null) {
            Sql.execute(connection, "update extension set max_contacts = ? where id = ?", maxContacts, id);
        }
        return id;
    }

    @Override
    public String toString() {
        return "extension " + number + "@" + domain;
    }
}
