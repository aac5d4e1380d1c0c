/**
 * Small helpers the views share: reading ids from a route, the look of a form's buttons and rows
 * ({@link org.tandem.portal.shared.Forms}), showing a service's field messages on a form, and keeping
 * a live view current by push ({@link org.tandem.portal.shared.LiveList}).
 */
package org.tandem.portal.shared;
