/** Start-up of a node's storage inside WildFly: database, migrations, this node's row, demo data. */
package org.tandem.storage.lifecycle;
