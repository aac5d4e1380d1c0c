package org.tandem.engine.voicemail;

import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.Greetings;
import org.tandem.domain.tenant.PromptLanguage;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.engine.failure.DatabaseFailure;
import org.tandem.engine.services.MailboxOwner;
import org.tandem.engine.services.VoicemailData;
import org.tandem.files.FilePath;
import org.tandem.files.FilesException;
import org.tandem.files.FilesFailure;
import org.tandem.files.SharedFiles;
import org.tandem.files.TenantArea;
import org.tandem.media.codec.G711;
import org.tandem.media.endpoint.MediaLeg;
import org.tandem.media.playback.Prompt;
import org.tandem.media.playback.Source;
import org.tandem.media.sounds.Phrases;
import org.tandem.media.sounds.PromptLibrary;
import org.tandem.notification.VoicemailMailer;
import org.tandem.notification.VoicemailNotice;

import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.List;
import java.util.ArrayList;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Voicemail on one engine: which mailbox a call may reach, and the messages callers leave
 * ({@link Deposit}). The file work (greetings read, messages stored) runs on threads of its own, never
 * on the SIP or media threads, since the cluster's files can block on a slow volume (ADR 0034). A part
 * of the engine: closing it waits, up to the settings' store timeout, for the messages being stored.
 */
public final class Voicemail implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Voicemail.class.getName());
    /** Every greeting is in this law, the one the node's media offers first. */
    private static final G711 LAW = G711.MU_LAW;
    private static final String THE_PERSON_AT_EXTENSION = "vm-theperson";
    private static final String IS_UNAVAILABLE = "vm-isunavail";
    private static final String IS_BUSY = "vm-isonphone";
    private static final String LEAVE_YOUR_MESSAGE = "vm-intro";
    private static final String BEEP = "beep";
    /** The prompts voicemail plays (Asterisk's names): the English set must hold them, or the node does not start. */
    public static final Set<String> PROMPTS = Stream.concat(
            Stream.of(THE_PERSON_AT_EXTENSION, IS_UNAVAILABLE, IS_BUSY, LEAVE_YOUR_MESSAGE, BEEP),
            Phrases.digits("0123456789").stream()).collect(Collectors.toUnmodifiableSet());

    private final VoicemailSettings settings;
    private final VoicemailData storage;
    private final SharedFiles files;
    private final UUID nodeId;
    private final InstantSource clock;
    private final ExecutorService fileWork = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("tandem-voicemail-", 1).factory());
    private final ScheduledThreadPoolExecutor limits;
    private final PromptLibrary prompts;
    private final VoicemailMailer mailer;

    private Voicemail(VoicemailSettings settings, VoicemailData storage, SharedFiles files, PromptLibrary prompts,
                      VoicemailMailer mailer, UUID nodeId, InstantSource clock) {
        this.settings = settings;
        this.storage = storage;
        this.files = files;
        this.prompts = prompts;
        this.mailer = mailer;
        this.nodeId = nodeId;
        this.clock = clock;
        this.limits = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("tandem-voicemail-limit-", 1)
                .factory());
        limits.setRemoveOnCancelPolicy(true);
    }

    /**
     * Voicemail with the settings' prompts loaded and its mailer started (sending only with an SMTP host).
     *
     * @throws IllegalStateException when the sounds folder cannot be read or lacks the English prompts voicemail plays
     */
    public static Voicemail start(VoicemailSettings settings, VoicemailData storage, SharedFiles files, UUID nodeId,
                                  InstantSource clock) {
        PromptLibrary prompts;
        try {
            prompts = PromptLibrary.load(settings.sounds(), PROMPTS);
        } catch (IOException e) {
            throw new IllegalStateException("the sounds folder " + settings.sounds().promptsDirectory()
                    + " cannot be read: " + e.getMessage(), e);
        }
        return new Voicemail(settings, storage, files, prompts, VoicemailMailer.start(settings.mail(), files), nodeId,
                clock);
    }

    /**
     * The enabled mailbox of extension {@code number} of {@code tenantId}, if it has one. The database out of
     * reach: none (the call goes on as without voicemail), logged.
     */
    public Optional<Mailbox> mailboxOf(UUID tenantId, String number) {
        try {
            return storage.mailboxes().find(tenantId, number).filter(mailbox -> mailbox.settings().enabled());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "mailbox of " + number + " cannot be read, the call goes on without"
                    + " voicemail: " + DatabaseFailure.describe(e));
            return Optional.empty();
        }
    }

    /**
     * Starts taking a message on {@code leg}, which answered the caller: the greeting, the tone, then the
     * recording, until {@link Deposit#end} or, at the longest message or the caller's '#', {@code hangUp}.
     *
     * @param busy    the extension was busy (its busy greeting plays, if recorded)
     * @param hangUp  ends the call from the node's side; run on a thread of voicemail's, never under a lock of it
     */
    public Deposit deposit(MediaLeg leg, Mailbox mailbox, boolean busy, CallerId caller, Runnable hangUp) {
        Deposit deposit = new Deposit(this, leg, mailbox, caller, clock.instant(), hangUp);
        offThread(() -> deposit.greet(greeting(mailbox, busy)));
        return deposit;
    }

    /**
     * The greeting and the tone: the owner's recorded one if the mailbox says there is one, else the system's
     * ("the person at extension 1 0 1 is unavailable", or the recorded name "is busy", then "please leave your
     * message after the tone"), in the tenant's language. A recording that cannot be read is replaced by the
     * system's greeting, not fatal.
     */
    private Source greeting(Mailbox mailbox, boolean busy) {
        PromptLanguage language = ownerOf(mailbox).map(MailboxOwner::language).orElse(PromptLanguage.ENGLISH);
        Greetings.Played played = mailbox.settings().greetings().played(busy);
        Optional<Prompt> recorded = switch (played) {
            case BUSY -> read(greetingFile(mailbox, "busy"));
            case UNAVAILABLE -> read(greetingFile(mailbox, "unavailable"));
            case SYSTEM_WITH_NAME, SYSTEM_WITH_NUMBER -> Optional.empty();
        };
        Prompt spoken = recorded.orElseGet(() -> {
            Prompt who = (played == Greetings.Played.SYSTEM_WITH_NAME ? read(greetingFile(mailbox, "name"))
                    : Optional.<Prompt>empty()).orElseGet(() -> prompts.say(theExtension(mailbox), language, LAW));
            return Prompt.join(List.of(who,
                    prompts.say(List.of(busy ? IS_BUSY : IS_UNAVAILABLE, LEAVE_YOUR_MESSAGE), language, LAW)));
        });
        return new PlayedInTurn(spoken.frameCount(), spoken.once(), prompts.prompt(BEEP, language, LAW).once());
    }

    private static List<String> theExtension(Mailbox mailbox) {
        List<String> names = new ArrayList<>(List.of(THE_PERSON_AT_EXTENSION));
        names.addAll(Phrases.digits(mailbox.extension().digits()));
        return names;
    }

    /** Who owns {@code mailbox}; empty, logged, when the database cannot tell. */
    private Optional<MailboxOwner> ownerOf(Mailbox mailbox) {
        try {
            return storage.owners().of(mailbox);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the owner of mailbox " + mailbox.extension().digits()
                    + " cannot be read: " + DatabaseFailure.describe(e));
            return Optional.empty();
        }
    }

    /** Mails a message just stored, if its mailbox has an address (the mailer sends it off this thread). */
    void mail(Mailbox mailbox, VoicemailMessage message) {
        if (mailbox.settings().notification().address().isEmpty()) {
            return;
        }
        Optional<MailboxOwner> owner = ownerOf(mailbox);
        if (owner.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "voicemail message " + message.id() + " is not mailed: its mailbox's"
                    + " owner is unknown");
            return;
        }
        mailer.submit(new VoicemailNotice(message, mailbox, owner.get().name(), owner.get().companyName(),
                Optional.empty()));
    }

    /**
     * Where a mailbox's recorded greeting of {@code kind} (busy, unavailable, name) is:
     * {@code tenants/<tenant>/greetings/<extension>/<kind>.wav}.
     */
    public static FilePath greetingFile(Mailbox mailbox, String kind) {
        return FilePath.tenant(mailbox.tenantId(), TenantArea.GREETINGS, mailbox.extension().digits(), kind + ".wav");
    }

    private Optional<Prompt> read(FilePath path) {
        try (InputStream in = files.newInputStream(path)) {
            return Optional.of(Prompt.readWav(in, path.toString(), G711.MU_LAW));
        } catch (FilesException e) {
            if (e.failure() != FilesFailure.NOT_FOUND) {
                LOG.log(System.Logger.Level.WARNING, "greeting " + path + " cannot be read, the system's plays: "
                        + e.getMessage());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "greeting " + path + " is not playable, the system's plays: "
                    + e.getMessage());
        }
        return Optional.empty();
    }

    VoicemailSettings settings() {
        return settings;
    }

    VoicemailData storage() {
        return storage;
    }

    SharedFiles files() {
        return files;
    }

    UUID nodeId() {
        return nodeId;
    }

    /**
     * Runs {@code work} on voicemail's threads, where file work may block; once voicemail has stopped, not at
     * all (the node stops, and its calls end with it), rather than throw at a media or timer thread.
     */
    void offThread(Runnable work) {
        try {
            fileWork.execute(work);
        } catch (RejectedExecutionException stopped) {
            LOG.log(System.Logger.Level.DEBUG, "voicemail has stopped; work for a call is dropped");
        }
    }

    ScheduledThreadPoolExecutor limits() {
        return limits;
    }

    /** Waits, up to the store timeout, for the messages being stored; then stops the threads. */
    @Override
    public void close() throws InterruptedException {
        limits.shutdownNow();
        fileWork.shutdown();
        if (!fileWork.awaitTermination(settings.storeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "voicemail messages still being stored after "
                    + settings.storeTimeout().toSeconds() + " s are given up: their calls' audio is lost");
            fileWork.shutdownNow();
        }
        // after the messages were stored, so each stored has had its mail queued
        mailer.close();
    }

    /** One source of {@code firstFrames} frames, then another, in the same law: the greeting and the tone. */
    private record PlayedInTurn(int firstFrames, Source first, Source then) implements Source {

        @Override
        public G711 law() {
            return first.law();
        }

        @Override
        public byte[] frame(long played, long tick) {
            return played < firstFrames ? first.frame(played, tick) : then.frame(played - firstFrames, tick);
        }
    }
}
