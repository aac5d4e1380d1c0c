/** Small helpers the views share: reading ids from a route, showing a service's field messages on a form. */
package org.tandem.portal.shared;
