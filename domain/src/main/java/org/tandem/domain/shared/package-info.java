/** Small value checks shared by every aggregate of the domain. */
package org.tandem.domain.shared;
