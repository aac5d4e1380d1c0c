/**
 * Portal logins: how strong a chosen password must be, and what every signed-in person may do to
 * their own login (change its password).
 */
package org.tandem.administration.account;
