/**
 * Calls between extensions of one tenant, through this node as a back-to-back user agent (B2BUA):
 * the caller's dialog (leg A) and one dialog per ringing phone of the callee (legs B, new Call-IDs),
 * with the SDP passed through unchanged so media flows phone to phone. {@link
 * org.tandem.engine.call.InviteHandler} reads top to bottom like Kamailio's route for a new call;
 * {@link org.tandem.engine.call.InDialogHandler} relays what follows (ACK, BYE, re-INVITE),
 * {@link org.tandem.engine.call.CancelHandler} a caller's CANCEL, {@link
 * org.tandem.engine.call.ForkResponses} the phones' answers; a call to a ring group is rung by
 * {@link org.tandem.engine.call.RingGroupHunt} (all members at once, or one after another). The handlers
 * turn what they receive into call events ({@code CallEvent}) that {@code CallControl} alone acts on;
 * each leg's state moves only through {@link org.tandem.engine.call.leg.LegState}'s transitions, and
 * session timers follow {@link org.tandem.engine.call.sessiontimer.SessionTimerRules}. Every change to one call happens under
 * that call's lock, so what one call sends keeps its order (a 180 never follows the 200) while the
 * stack's threads work on other calls.
 */
package org.tandem.engine.call;
