package org.tandem.domain.extension;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.tandem.domain.shared.Identified;
import org.tandem.domain.shared.Names;
import org.tandem.domain.tenant.Tenant;

import java.util.Objects;
import java.util.UUID;

/** A phone number inside a tenant, with the SIP credentials its phones register with. */
@Entity
@Table(name = "extension")
public class Extension extends Identified {

    /** Phones that may be registered for one extension at once unless its tenant says otherwise. */
    public static final int DEFAULT_MAX_CONTACTS = 5;
    /** The most any extension may have: each binding is a phone that rings on every call. */
    public static final int MAX_CONTACTS_LIMIT = 20;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Embedded
    private SipCredentials credentials;

    @Column(name = "max_contacts", nullable = false)
    private int maxContacts = DEFAULT_MAX_CONTACTS;

    protected Extension() {
    }

    public Extension(Tenant tenant, ExtensionNumber number, String displayName, char[] sipPassword) {
        this.tenantId = Objects.requireNonNull(tenant, "tenant").id();
        this.number = Objects.requireNonNull(number, "extension number").digits();
        this.displayName = Names.required(displayName, "display name");
        this.credentials = SipCredentials.derive(this.number, tenant.sipDomain().name(), sipPassword);
    }

    public UUID tenantId() {
        return tenantId;
    }

    public ExtensionNumber number() {
        return new ExtensionNumber(number);
    }

    /** The SIP user name phones authenticate with: the number itself. */
    public String sipUsername() {
        return number;
    }

    public String displayName() {
        return displayName;
    }

    public SipCredentials credentials() {
        return credentials;
    }

    /** How many phones (contacts) may be registered for this extension at once. */
    public int maxContacts() {
        return maxContacts;
    }

    static int requireContactLimit(int maxContacts) {
        if (maxContacts < 1 || maxContacts > MAX_CONTACTS_LIMIT) {
            throw new IllegalArgumentException(
                    "contact limit must be between 1 and " + MAX_CONTACTS_LIMIT + ": " + maxContacts);
        }
        return maxContacts;
    }

    public void rename(String newDisplayName) {
        displayName = Names.required(newDisplayName, "display name");
    }

    public void changeSipPassword(Tenant tenant, char[] newPassword) {
        if (!tenant.id().equals(tenantId)) {
            throw new IllegalArgumentException("extension " + number + " does not belong to tenant " + tenant.id());
        }
        credentials = SipCredentials.derive(number, tenant.sipDomain().name(), newPassword);
    }
}
