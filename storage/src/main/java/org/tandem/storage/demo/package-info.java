/** The demo data a newcomer's first run is seeded with. */
package org.tandem.storage.demo;
