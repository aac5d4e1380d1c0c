/** Calls made all at once from many threads, for tests of races. */
package org.tandem.testsupport.concurrent;
