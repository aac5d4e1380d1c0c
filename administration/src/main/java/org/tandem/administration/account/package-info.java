/** Rules for the portal logins the services create: how strong a chosen password must be. */
package org.tandem.administration.account;
