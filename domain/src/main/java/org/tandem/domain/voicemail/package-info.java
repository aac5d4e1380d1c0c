/**
 * Voicemail: a mailbox per extension (its PIN, how long the extension rings before the mailbox answers,
 * which greeting plays, where notifications go) and the messages callers leave in it, with the counts
 * a message-waiting lamp shows. Messages are recorded by whichever node took the call and filed from
 * any node, so a message's folder only ever moves forward ({@link MessageFolder}): nodes that file it
 * at once agree, and a deleted message never comes back.
 */
package org.tandem.domain.voicemail;
