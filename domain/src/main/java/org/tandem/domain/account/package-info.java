/** Portal and API logins, their roles and how their passwords are kept. */
package org.tandem.domain.account;
