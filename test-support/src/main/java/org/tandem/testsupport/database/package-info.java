/**
 * Typed builders of the rows tests need (owners, nodes, pools, tenants, extensions with their HA1s,
 * portal logins), written with plain SQL into any database with the node's schema, so
 * tests name what they want and the schema's columns are spelled in one place.
 */
package org.tandem.testsupport.database;
