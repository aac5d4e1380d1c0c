package org.tandem.engine.voicemail;

import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.Greetings;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.engine.failure.DatabaseFailure;
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

import java.io.IOException;
import java.io.InputStream;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Voicemail on one engine: which mailbox a call may reach, and the messages callers leave
 * ({@link Deposit}). The file work (greetings read, messages stored) runs on threads of its own, never
 * on the SIP or media threads, since the cluster's files can block on a slow volume (ADR 0034). A part
 * of the engine: closing it waits, up to the settings' store timeout, for the messages being stored.
 */
public final class Voicemail implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Voicemail.class.getName());
    /** The system's greeting, among the prompts of the cluster's files (Asterisk's name for it). */
    static final FilePath SYSTEM_GREETING = FilePath.sound("en", "vm-intro.wav");
    /** The tone after the greeting: 440 Hz for half a second, the usual "speak now". */
    private static final Prompt BEEP = beep();

    private final VoicemailSettings settings;
    private final VoicemailData storage;
    private final SharedFiles files;
    private final UUID nodeId;
    private final InstantSource clock;
    private final ExecutorService fileWork = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("tandem-voicemail-", 1).factory());
    private final ScheduledThreadPoolExecutor limits;
    /** The system prompts found so far: read once, played to every caller (prompts are cached in memory). */
    private final Map<FilePath, Prompt> prompts = new ConcurrentHashMap<>();

    public Voicemail(VoicemailSettings settings, VoicemailData storage, SharedFiles files, UUID nodeId,
                     InstantSource clock) {
        this.settings = settings;
        this.storage = storage;
        this.files = files;
        this.nodeId = nodeId;
        this.clock = clock;
        this.limits = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("tandem-voicemail-limit-", 1)
                .factory());
        limits.setRemoveOnCancelPolicy(true);
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
     * The greeting and the tone: the owner's recorded one if the mailbox says there is one, else the
     * system's prompt, else the tone alone. A greeting that cannot be read is skipped, not fatal.
     */
    private Source greeting(Mailbox mailbox, boolean busy) {
        Greetings.Played played = mailbox.settings().greetings().played(busy);
        Optional<Prompt> spoken = switch (played) {
            case BUSY -> read(greetingFile(mailbox, "busy"));
            case UNAVAILABLE -> read(greetingFile(mailbox, "unavailable"));
            case SYSTEM_WITH_NAME, SYSTEM_WITH_NUMBER -> systemPrompt(SYSTEM_GREETING);
        };
        return spoken.<Source>map(prompt -> new PlayedInTurn(prompt.frameCount(), prompt.once(), BEEP.once()))
                .orElse(BEEP.once());
    }

    /**
     * Where a mailbox's recorded greeting of {@code kind} (busy, unavailable, name) is:
     * {@code tenants/<tenant>/greetings/<extension>/<kind>.wav}.
     */
    public static FilePath greetingFile(Mailbox mailbox, String kind) {
        return FilePath.tenant(mailbox.tenantId(), TenantArea.GREETINGS, mailbox.extension().digits(), kind + ".wav");
    }

    private Optional<Prompt> systemPrompt(FilePath path) {
        Prompt cached = prompts.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Prompt> found = read(path);
        found.ifPresent(prompt -> prompts.put(path, prompt));
        return found;
    }

    private Optional<Prompt> read(FilePath path) {
        try (InputStream in = files.newInputStream(path)) {
            return Optional.of(Prompt.readWav(in, path.toString(), G711.MU_LAW));
        } catch (FilesException e) {
            if (e.failure() != FilesFailure.NOT_FOUND) {
                LOG.log(System.Logger.Level.WARNING, "greeting " + path + " cannot be read, the tone plays alone: "
                        + e.getMessage());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "greeting " + path + " is not playable, the tone plays alone: "
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
    }

    private static Prompt beep() {
        short[] samples = new short[G711.SAMPLE_RATE / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / G711.SAMPLE_RATE));
        }
        return Prompt.encode(G711.MU_LAW, samples);
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
