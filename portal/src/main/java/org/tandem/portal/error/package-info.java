/**
 * What a person sees when a page cannot be shown: an id that is not theirs or does not exist (one
 * answer for both), and a page their role may not open. Shown inside the portal's layout, with the
 * HTTP status an API would give (404, 403).
 */
package org.tandem.portal.error;
