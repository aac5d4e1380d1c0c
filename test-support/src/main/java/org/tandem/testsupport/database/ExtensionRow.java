package org.tandem.testsupport.database;

import org.tandem.domain.extension.SipCredentials;

import java.util.UUID;

/**
 * An extension of a tenant with its SIP password kept as the product keeps it: the MD5 and SHA-256
 * HA1s that {@link SipCredentials#derive} makes, the tenant's SIP domain being the realm. Its password
 * is {@link #defaultPassword}.
 */
public final class ExtensionRow extends Row<ExtensionRow> {

    private ExtensionRow(String domain, String number) {
        super("extension", "extension " + number + "@" + domain);
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
        SipCredentials credentials = SipCredentials.derive(number, domain, defaultPassword(number, domain).toCharArray());
        return new ExtensionRow(domain, number).set("tenant_id", tenant).set("number", number)
                .set("display_name", "Phone " + number)
                .set("ha1_md5", credentials.ha1Md5()).set("ha1_sha256", credentials.ha1Sha256());
    }

    /** How many phones may register at once; the schema's default when not told. */
    public ExtensionRow maxContacts(int contacts) {
        return set("max_contacts", contacts);
    }
}
