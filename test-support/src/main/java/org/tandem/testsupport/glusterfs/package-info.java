/** A real GlusterFS cluster on one machine for tests: several glusterd on loopback addresses, a replicated volume, FUSE mounts. */
package org.tandem.testsupport.glusterfs;
