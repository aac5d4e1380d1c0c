/** The database schema: versioned migrations, applied at every node's start. */
package org.tandem.storage.schema;
