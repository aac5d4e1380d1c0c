package org.tandem.portal.support;

import org.tandem.administration.support.AdministrationFixture;

/** The logins the view tests sign in with: the administration fixture's, stored in its PostgreSQL. */
public final class TestAccounts {

    public static final String PASSWORD = AdministrationFixture.PASSWORD;
    public static final String OPERATOR_USERNAME = AdministrationFixture.OPERATOR;
    public static final String OPERATOR_PASSWORD = PASSWORD;
    public static final String RESELLER_USERNAME = AdministrationFixture.NORTHWIND_ADMIN;
    public static final String OTHER_RESELLER_USERNAME = AdministrationFixture.SOUTHGATE_ADMIN;
    public static final String TENANT_ADMIN_USERNAME = AdministrationFixture.ACME_ADMIN;
    public static final String TENANT_ADMIN_PASSWORD = PASSWORD;
    public static final String TENANT_USER_USERNAME = AdministrationFixture.ACME_USER;
    public static final String OTHER_TENANT_ADMIN_USERNAME = AdministrationFixture.GLOBEX_ADMIN;

    private TestAccounts() {
    }
}
