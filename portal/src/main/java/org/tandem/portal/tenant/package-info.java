/**
 * A tenant's pages, for its admins (and its reseller and the operator): extensions and the phones
 * registered now, pushed live. The tenant id is in the URL; the services refuse any id outside the
 * signed-in user's scope, so editing it shows "No such customer".
 */
package org.tandem.portal.tenant;
