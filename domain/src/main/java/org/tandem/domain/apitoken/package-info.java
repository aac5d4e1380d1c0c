/**
 * API tokens: secrets a reseller or tenant admin makes for scripts, acting with that login's rights.
 * The secret is shown once and kept only as its SHA-256 hash, found again by a short public prefix.
 */
package org.tandem.domain.apitoken;
