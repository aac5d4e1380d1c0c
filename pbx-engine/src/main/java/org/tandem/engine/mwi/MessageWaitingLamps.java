package org.tandem.engine.mwi;

import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.registration.RegistrationRepository;
import org.tandem.domain.voicemail.MailboxAddress;
import org.tandem.domain.voicemail.MessageWaiting;
import org.tandem.domain.voicemail.VoicemailChanges;
import org.tandem.engine.auth.DigestAuthentication;
import org.tandem.engine.periodic.PeriodicTask;
import org.tandem.engine.services.EngineServices;
import org.tandem.engine.services.MessageWaitingPolicy;
import org.tandem.engine.services.VoicemailData;
import org.tandem.engine.sip.Replies;
import org.tandem.engine.sip.SourceFlow;

import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AllowEventsHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The message-waiting lamps of the phones of this node (RFC 3842 over RFC 6665).
 * <p>
 * A SUBSCRIBE for {@code message-summary} (any other event package: 489) is authenticated through the
 * engine's one digest authentication in the proxy role (407), for the caller's own mailbox only (the
 * Request-URI's user must be the authenticated extension: 403; no mailbox: 404). It is answered 200
 * and followed at once by a NOTIFY with the counts; a refresh (the dialog's To tag) extends it, and
 * {@code Expires: 0} ends it with a last NOTIFY, {@code Subscription-State: terminated}. Subscriptions
 * live in this node's memory ({@link Subscriptions}), bounded per mailbox and per node (past either:
 * 503, counted in {@link #refusedSubscriptions}).
 * <p>
 * When a mailbox changes on any node (the {@link VoicemailChanges} feed), its subscribers here get a
 * NOTIFY, and, if the policy says so, so does every phone registered here for that extension that did
 * not subscribe (unsolicited, as desk phones expect by default).
 */
public final class MessageWaitingLamps {

    private static final System.Logger LOG = System.getLogger(MessageWaitingLamps.class.getName());
    /** RFC 6665 has no default for message-summary; one hour, as phones ask for, capped there. */
    static final int DEFAULT_EXPIRES_SECONDS = 3600;
    static final int MIN_EXPIRES_SECONDS = 60;
    /** Mailbox changes waiting to be told: past it one is dropped and the sweep tells every subscriber again. */
    private static final int PENDING_CHANGES = 10_000;
    private static final Duration SWEEP_PERIOD = Duration.ofSeconds(5);

    private final Replies replies;
    private final DigestAuthentication authentication;
    private final VoicemailData voicemail;
    private final MessageWaitingPolicy policy;
    private final RegistrationRepository bindings;
    private final UUID nodeId;
    private final InstantSource clock;
    private final Notifier notifier;
    private final Subscriptions subscriptions;
    private final AtomicLong refused = new AtomicLong();
    /** Mailboxes told of and not yet notified: a burst of changes to one mailbox makes one round of NOTIFYs. */
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();
    /** A change was dropped or the feed had a gap: the sweep tells every subscriber its counts again. */
    private final AtomicBoolean missedChanges = new AtomicBoolean();

    /**
     * @param services       with this node's bindings in front ({@code registrations})
     * @param authentication in the {@link DigestAuthentication.Role#PROXY} role
     */
    public MessageWaitingLamps(Replies replies, AddressFactory addresses, SipProvider provider, EngineServices services,
                               DigestAuthentication authentication) {
        this.replies = replies;
        this.authentication = authentication;
        this.voicemail = services.voicemail();
        this.policy = voicemail.lamps();
        this.bindings = services.registrations();
        this.nodeId = services.nodeId();
        this.clock = services.clock();
        this.notifier = new Notifier(replies, addresses, provider);
        this.subscriptions = new Subscriptions(policy.maxPerAddress(), policy.maxPerNode());
    }

    /** SUBSCRIBEs refused because a limit was reached, since the engine started. */
    public long refusedSubscriptions() {
        return refused.get();
    }

    /** Subscriptions held now. */
    public int subscriptionCount() {
        return subscriptions.count();
    }

    public void subscribe(RequestEvent event) {
        Request request = event.getRequest();
        EventHeader eventHeader = (EventHeader) request.getHeader(EventHeader.NAME);
        if (eventHeader == null || !MessageSummary.EVENT_PACKAGE.equalsIgnoreCase(eventHeader.getEventType())) {
            Response badEvent = replies.create(request, Response.BAD_EVENT);
            badEvent.addHeader(allowEvents());
            replies.sendStateless(event, badEvent);
            return;
        }
        Flow source = SourceFlow.of(event);
        switch (authentication.screen(request, source)) {
            case DigestAuthentication.Dropped dropped -> {
            }
            case DigestAuthentication.Answer answer -> replies.sendStateless(event, answer.response());
            case DigestAuthentication.Claim claim -> {
                // a transaction before the nonce count is used, so a retransmission is not taken for a replay
                ServerTransaction transaction = replies.serverTransaction(event).orElse(null);
                if (transaction == null) {
                    return;
                }
                switch (authentication.verify(request, source, claim)) {
                    case DigestAuthentication.Answer answer -> replies.send(transaction, answer.response());
                    case DigestAuthentication.Authenticated caller ->
                            subscribed(transaction, request, source, caller.account());
                }
            }
        }
    }

    private void subscribed(ServerTransaction transaction, Request request, Flow source, SipAccount account) {
        if (!(request.getRequestURI() instanceof SipURI uri) || !account.number().digits().equals(uri.getUser())) {
            replies.send(transaction, replies.create(request, Response.FORBIDDEN, "Not Your Mailbox"));
            return;
        }
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if (contact == null) {
            replies.send(transaction, replies.create(request, Response.BAD_REQUEST, "Missing Contact"));
            return;
        }
        ExpiresHeader expiresHeader = request.getExpires();
        int asked = expiresHeader == null ? DEFAULT_EXPIRES_SECONDS : expiresHeader.getExpires();
        if (asked > 0 && asked < MIN_EXPIRES_SECONDS) {
            replies.send(transaction, tooBrief(request));
            return;
        }
        int granted = Math.min(asked, DEFAULT_EXPIRES_SECONDS);
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        String fromTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Subscription subscription;
        if (toTag != null) {
            subscription = subscriptions.find(new Subscription.Id(callId, fromTag, toTag))
                    .filter(held -> held.mailbox().tenantId().equals(account.tenantId())
                            && held.mailbox().extension().equals(account.number()))
                    .orElse(null);
            if (subscription == null) {
                replies.send(transaction, replies.create(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                        "No Such Subscription"));
                return;
            }
        } else {
            MailboxAddress mailbox = voicemail.mailboxes().find(account.tenantId(), account.number().digits())
                    .flatMap(found -> voicemail.mailboxes().addressOf(found.extensionId())).orElse(null);
            if (mailbox == null) {
                replies.send(transaction, replies.create(request, Response.NOT_FOUND, "No Mailbox"));
                return;
            }
            ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
            FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
            subscription = new Subscription(new Subscription.Id(callId, fromTag, newTag()), mailbox, to.getAddress(),
                    from.getAddress(), contact.getAddress().getURI(), source, clock.instant(), new AtomicLong());
        }
        Subscription now = subscription.renewed(contact.getAddress().getURI(), source,
                clock.instant().plusSeconds(granted));
        if (granted == 0) {
            subscriptions.remove(now.id());
        } else if (subscriptions.add(now) != Subscriptions.Admission.TAKEN) {
            refused.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "refused a message-summary subscription of {0}: limit reached",
                    MessageSummary.account(now.mailbox()));
            replies.send(transaction, replies.unavailable(request, 60));
            return;
        }
        replies.send(transaction, accepted(request, now, granted, source));
        if (granted == 0) {
            tellEnded(now, false);
        } else {
            tell(now, granted);
        }
    }

    private Response tooBrief(Request request) {
        Response tooBrief = replies.create(request, Response.INTERVAL_TOO_BRIEF);
        try {
            tooBrief.addHeader(replies.headers().createMinExpiresHeader(MIN_EXPIRES_SECONDS));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return tooBrief;
    }

    private Response accepted(Request request, Subscription subscription, int granted, Flow source) {
        Response ok = replies.create(request, Response.OK);
        try {
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(subscription.id().localTag());
            ok.addHeader(replies.headers().createExpiresHeader(granted));
            ok.addHeader(notifier.contact(source));
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot accept a subscription", e);
        }
        return ok;
    }

    /** Tells the subscriber its counts now, its subscription active for {@code secondsLeft} more. */
    private void tell(Subscription subscription, int secondsLeft) {
        notifier.notifyActive(subscription, waiting(subscription), secondsLeft);
    }

    /** Tells the subscriber its counts a last time: it unsubscribed, or its subscription {@code expired}. */
    private void tellEnded(Subscription subscription, boolean expired) {
        notifier.notifyTerminated(subscription, waiting(subscription), expired);
    }

    private MessageWaiting waiting(Subscription subscription) {
        return voicemail.messages().waiting(subscription.mailbox().mailboxId());
    }

    /**
     * Starts listening for mailbox changes on every node, with a sweep (every 5 s) that ends expired
     * subscriptions (with a last NOTIFY) and tells every subscriber its counts again after a gap in the
     * feed or a change dropped under a flood of them. Closing stops both.
     */
    public AutoCloseable start(String threadName) {
        ExecutorService worker = Executors.newSingleThreadExecutor(
                task -> Thread.ofPlatform().daemon().name(threadName).unstarted(task));
        AutoCloseable news = voicemail.changes().start(new VoicemailChanges.Listener() {
            @Override
            public void mailboxChanged(UUID mailboxId) {
                if (pending.size() >= PENDING_CHANGES) {
                    missedChanges.set(true);
                } else if (pending.add(mailboxId)) {
                    submit(worker, () -> {
                        pending.remove(mailboxId);
                        changed(mailboxId);
                    });
                }
            }

            @Override
            public void mayHaveMissedChanges() {
                missedChanges.set(true);
            }
        });
        PeriodicTask sweep = PeriodicTask.every(SWEEP_PERIOD, SWEEP_PERIOD, threadName + "-sweep", this::sweep);
        return () -> {
            try (news) {
                sweep.close();
            } finally {
                worker.shutdownNow();
                worker.awaitTermination(5, TimeUnit.SECONDS);
            }
        };
    }

    private static void submit(ExecutorService worker, Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not update message-waiting lamps", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the engine is stopping: its phones subscribe again elsewhere
        }
    }

    /** Mailbox {@code mailboxId} changed somewhere: its subscribers here hear, and its unsubscribed phones here. */
    void changed(UUID mailboxId) {
        Instant now = clock.instant();
        List<Subscription> subscribers = subscriptions.of(mailboxId, now);
        subscribers.forEach(s -> tell(s, secondsLeft(s, now)));
        if (!policy.unsolicited()) {
            return;
        }
        voicemail.mailboxes().addressOf(mailboxId).ifPresent(mailbox -> {
            List<Registration> phones = bindings.active(nodeId,
                    new AddressOfRecord(mailbox.tenantId(), mailbox.extension()), now);
            for (Registration phone : phones) {
                if (subscribers.stream().noneMatch(s -> s.flow().equals(phone.flow()))) {
                    notifier.notifyUnsolicited(mailbox, phone.contactUri(), phone.flow(),
                            voicemail.messages().waiting(mailboxId));
                }
            }
        });
    }

    private void tellEverySubscriber() {
        Instant now = clock.instant();
        subscriptions.all().stream().filter(s -> s.expiresAt().isAfter(now)).forEach(s -> tell(s, secondsLeft(s, now)));
    }

    private void sweep() {
        try {
            subscriptions.removeExpired(clock.instant()).forEach(expired -> tellEnded(expired, true));
            if (missedChanges.getAndSet(false)) {
                tellEverySubscriber();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not end expired message-summary subscriptions", e);
        }
    }

    private static int secondsLeft(Subscription subscription, Instant now) {
        return (int) Math.max(1, Duration.between(now, subscription.expiresAt()).toSeconds());
    }

    private AllowEventsHeader allowEvents() {
        try {
            return replies.headers().createAllowEventsHeader(MessageSummary.EVENT_PACKAGE);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newTag() {
        return "mwi" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
