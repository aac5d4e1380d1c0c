package org.tandem.engine.voicemail;

import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.engine.failure.DatabaseFailure;
import org.tandem.files.FilePath;
import org.tandem.files.FilesException;
import org.tandem.files.Staged;
import org.tandem.media.endpoint.MediaLeg;
import org.tandem.media.playback.Source;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One caller leaving a message: the greeting and tone play, then what the caller sends is recorded into
 * a file on the node's local disk, until the call ends ({@link #end}), the caller presses '#' or the
 * longest message is reached (the node then hangs up). Then, on voicemail's own threads, the file goes
 * into the cluster's files and only after it is in place the message's row is added, so a listed message
 * always has its whole file; a message shorter than the settings' shortest is dropped. Thread-safe: the
 * media threads (tone played, digit), the SIP threads (the call ends) and the limit's timer meet here.
 */
public final class Deposit {

    private static final System.Logger LOG = System.getLogger(Deposit.class.getName());
    private static final int WAV_HEADER_BYTES = 44;
    private static final int BYTES_PER_MILLI = 16;

    private enum Stage { GREETING, RECORDING, ENDED }

    private final Voicemail voicemail;
    private final MediaLeg leg;
    private final Mailbox mailbox;
    private final CallerId caller;
    private final Instant receivedAt;
    private final Runnable hangUp;

    private Stage stage = Stage.GREETING;
    private Staged recording;
    private ScheduledFuture<?> limit;

    Deposit(Voicemail voicemail, MediaLeg leg, Mailbox mailbox, CallerId caller, Instant receivedAt, Runnable hangUp) {
        this.voicemail = voicemail;
        this.leg = leg;
        this.mailbox = mailbox;
        this.caller = caller;
        this.receivedAt = receivedAt;
        this.hangUp = hangUp;
    }

    /** Plays the greeting (with its tone); the recording starts when it has played. */
    synchronized void greet(Source greeting) {
        if (stage != Stage.GREETING) {
            return;
        }
        // the recording's file is made off the pacer's thread
        leg.onPlayFinished(played -> voicemail.offThread(this::record));
        leg.onDigit(digit -> {
            if (digit.symbol() == '#') {
                nodeHangsUp();
            }
        });
        leg.play(greeting);
    }

    /** The tone has played: the recording starts, into a local file, bounded by the longest message. */
    private void record() {
        boolean failed = false;
        synchronized (this) {
            if (stage != Stage.GREETING) {
                return;
            }
            try {
                recording = voicemail.files().stage();
                leg.startRecording(recording.file());
                stage = Stage.RECORDING;
                limit = voicemail.limits().schedule(this::nodeHangsUp,
                        voicemail.settings().maxMessage().toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "voicemail for " + mailbox.extension().digits()
                        + " cannot record, the call ends: " + e.getMessage());
                failed = true;
            }
        }
        if (failed) {
            nodeHangsUp();
        }
    }

    /** The node ends the call ('#', the longest message, a failure): off every lock of the call and of this. */
    private void nodeHangsUp() {
        voicemail.offThread(hangUp);
    }

    /**
     * The call is over (either side hung up, or it ended otherwise): the leg stops, and the message, if one
     * was recorded, is stored on voicemail's threads. Only the first call does anything.
     */
    public void end() {
        synchronized (this) {
            if (stage == Stage.ENDED) {
                return;
            }
            if (limit != null) {
                limit.cancel(false);
            }
            stage = Stage.ENDED;
        }
        voicemail.offThread(this::store);
    }

    /** The recording completed, then kept (file first, then row) or dropped. Runs on voicemail's threads. */
    private void store() {
        try {
            leg.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "voicemail for " + mailbox.extension().digits()
                    + ": the recording could not be completed, the message is lost: " + e.getMessage());
            discard();
            return;
        }
        if (recording == null) {
            return; // the caller hung up during the greeting
        }
        try (Staged staged = recording) {
            Duration length = lengthOf(staged);
            if (length.compareTo(voicemail.settings().minMessage()) < 0) {
                LOG.log(System.Logger.Level.DEBUG, () -> "voicemail for " + mailbox.extension().digits()
                        + ": a message of " + length.toMillis() + " ms is dropped");
                return;
            }
            keep(staged, VoicemailMessage.recorded(mailbox, caller, receivedAt,
                    min(length, voicemail.settings().maxMessage()), voicemail.nodeId()));
        }
    }

    private void keep(Staged staged, VoicemailMessage message) {
        FilePath file = FilePath.parse(message.file());
        try {
            voicemail.files().publish(staged, file);
        } catch (FilesException e) {
            LOG.log(System.Logger.Level.WARNING, "voicemail message from " + caller.number() + " for "
                    + mailbox.extension().digits() + " is lost: its file cannot be stored: " + e.getMessage());
            return;
        }
        try {
            voicemail.storage().messages().add(message);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "voicemail message from " + caller.number() + " for "
                    + mailbox.extension().digits() + " is lost: it cannot be listed: " + DatabaseFailure.describe(e));
            removeUnlisted(file);
            return;
        }
        voicemail.mail(mailbox, message);
    }

    /** A file no row names is nobody's: it goes, so the mailbox's folder holds only listed messages. */
    private void removeUnlisted(FilePath file) {
        try {
            voicemail.files().delete(file);
        } catch (FilesException e) {
            LOG.log(System.Logger.Level.WARNING, "unlisted voicemail file " + file + " stays: " + e.getMessage());
        }
    }

    private void discard() {
        if (recording != null) {
            recording.close();
        }
    }

    /**
     * How long the recorded WAV plays: media's recorder writes 8 kHz 16-bit mono PCM behind a 44-byte header
     * (16 bytes a millisecond). Read from its size, without javax.sound, which an application server may not
     * lend its deployments.
     */
    private static Duration lengthOf(Staged staged) {
        try {
            return Duration.ofMillis(Math.max(0, Files.size(staged.file()) - WAV_HEADER_BYTES) / BYTES_PER_MILLI);
        } catch (IOException e) {
            return Duration.ZERO; // nothing was written that plays
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
