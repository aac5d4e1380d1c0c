/** CDI producers that expose storage's repositories to the portal and the engine inside WildFly. */
package org.tandem.storage.cdi;
