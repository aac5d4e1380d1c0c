/** Sound sets a test installs for the node's code to find, in place of Debian's packages. */
package org.tandem.testsupport.sounds;
