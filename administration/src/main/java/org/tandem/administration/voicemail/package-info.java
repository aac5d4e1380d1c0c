/**
 * Voicemail as people see it in the portal and the API: a mailbox's settings and counts, its messages
 * (listed, played, filed, deleted), under the tenant's access rules; a tenant user reaches only the
 * mailbox of their own extension.
 */
package org.tandem.administration.voicemail;
