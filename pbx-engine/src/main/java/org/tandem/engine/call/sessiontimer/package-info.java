/**
 * Session timers (RFC 4028) as pure rules: what a call's INVITE asks for, what the node offers the
 * callee's phones and answers the caller, and when a session nobody refreshed is over. The call
 * package sends the headers and runs the timer.
 */
package org.tandem.engine.call.sessiontimer;
