/** Filesystems a test mounts (needs root): a tmpfs of a given size, to fill or to make read-only. */
package org.tandem.testsupport.mounts;
