/** What the product logs through java.util.logging while a test runs, for the test to check. */
package org.tandem.testsupport.logging;
