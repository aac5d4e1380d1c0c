package org.tandem.portal.support;

import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.Role;

import java.util.UUID;

/**
 * A few accounts, hashed once per test run (a password hash costs a noticeable fraction of a
 * second on purpose) and shared by every test.
 */
public final class TestAccounts {

    public static final String OPERATOR_USERNAME = "olivia";
    public static final String OPERATOR_PASSWORD = "operator secret 1";
    public static final String TENANT_ADMIN_USERNAME = "tom@acme";
    public static final String TENANT_ADMIN_PASSWORD = "tenant secret 2";
    public static final UUID ACME_TENANT = UUID.fromString("7d3c3f2e-2b1a-4c55-9a57-0f6f6d3f1a10");

    private static final InMemoryPortalAccounts ACCOUNTS = new InMemoryPortalAccounts();

    static {
        ACCOUNTS.add(PortalAccount.operator(OPERATOR_USERNAME, OPERATOR_PASSWORD.toCharArray()));
        ACCOUNTS.add(PortalAccount.tenantLogin(TENANT_ADMIN_USERNAME, TENANT_ADMIN_PASSWORD.toCharArray(),
                Role.TENANT_ADMIN, ACME_TENANT));
    }

    private TestAccounts() {
    }

    public static InMemoryPortalAccounts repository() {
        return ACCOUNTS;
    }
}
