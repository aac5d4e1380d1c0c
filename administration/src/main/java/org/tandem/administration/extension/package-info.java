/**
 * A tenant's extensions: create (one, or many from CSV), rename, new SIP password, delete, within
 * the tenant's plan. SIP passwords are generated, shown once, and kept only as digest hashes.
 */
package org.tandem.administration.extension;
