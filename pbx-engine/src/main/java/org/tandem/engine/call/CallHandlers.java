package org.tandem.engine.call;

import org.tandem.engine.services.EngineServices;
import org.tandem.engine.auth.DigestAuthentication;
import org.tandem.engine.call.sessiontimer.SessionTimerRules;
import org.tandem.engine.sip.Replies;

import org.tandem.engine.voicemail.Voicemail;
import org.tandem.media.endpoint.MediaEngine;

import javax.sip.address.AddressFactory;
import java.util.Optional;

/**
 * The call handlers of one engine, wired to one registry of calls, one timer and one CDR writer, and
 * that registry as a whole for the engine's stop ({@link CallsInProgress}).
 */
public record CallHandlers(InviteHandler invites, CancelHandler cancels, InDialogHandler inDialog,
                           ForkResponses responses, CallsInProgress inProgress) {

    /**
     * @param authentication callers' digest authentication (proxy role), counting failures with the registrar's
     * @param admission      the calls counted against their tenants' plans, shared with the cluster
     * @param media          answers the calls the node takes itself
     * @param voicemail      the mailboxes calls reach; none: calls never reach voicemail
     */
    public static CallHandlers of(Replies replies, AddressFactory addresses, EngineServices services,
                                  DigestAuthentication authentication, CallAdmission admission, MediaEngine media,
                                  Optional<Voicemail> voicemail) {
        SipMessages messages = new SipMessages(replies, addresses);
        SessionTimerRules sessionTimers = services.calls().sessionTimers();
        Calls calls = new Calls();
        CallControl control = new CallControl(messages, new DialogRelay(replies, messages), calls, new CdrWriter(services.callRecords(), services.nodeId()),
                new ActiveCallPublisher(services.activeCalls(), services.nodeId()), admission, services.peers(),
                services.nodeId(), new CallTimer(), services.clock(), services.calls().noAnswerTimeout(), sessionTimers,
                new RingGroupHunt(services), media, voicemail);
        CallerAuthentication callers = new CallerAuthentication(replies, services.accounts(), authentication,
                services.clock(), services.peers(), services.nodeId());
        InDialogHandler inDialog = new InDialogHandler(replies, calls, control);
        return new CallHandlers(new InviteHandler(replies, services, callers, sessionTimers, calls, control, voicemail),
                new CancelHandler(replies, calls, control), inDialog, new ForkResponses(control, calls),
                new CallsInProgress(calls, control));
    }
}
