/** The PostgreSQL a node starts for itself when no external database is configured. */
package org.tandem.storage.embedded;
