/**
 * The state of one leg (dialog) of a call and the moves it may make; the call package moves its
 * legs only through these.
 */
package org.tandem.engine.call.leg;
