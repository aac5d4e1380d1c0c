/** The signed-in person's own login: changing its password. */
package org.tandem.portal.account;
