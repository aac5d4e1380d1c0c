/** The phones a tenant has registered now, on every node. */
package org.tandem.api.registration;
