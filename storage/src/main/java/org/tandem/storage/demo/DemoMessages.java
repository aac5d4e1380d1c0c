package org.tandem.storage.demo;

import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.domain.voicemail.VoicemailMessages;
import org.tandem.files.FilePath;
import org.tandem.files.FilesException;
import org.tandem.files.SharedFiles;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Two messages in the demo mailbox of extension 101 (the tenant user's), so the voicemail pages show
 * something before any call has left one: short tones made at seed time, written to the files as the
 * engine writes a recording (file first, then its row).
 */
public final class DemoMessages {

    /** The mailbox the messages are left in. */
    public static final String MAILBOX = "101";

    private record Demo(String callerNumber, String callerName, int toneHertz, int seconds, Duration ago) {
    }

    private static final List<Demo> MESSAGES = List.of(
            new Demo("102", "Bob Baker", 440, 3, Duration.ofHours(2)),
            new Demo("+15550100", null, 660, 2, Duration.ofMinutes(10)));

    private static final int SAMPLE_RATE = 8000;

    private DemoMessages() {
    }

    /** Leaves the messages in the demo tenant's mailbox {@link #MAILBOX}, recorded by {@code thisNode}. */
    public static void leave(UUID tenantId, Mailboxes mailboxes, VoicemailMessages messages, SharedFiles files,
                             UUID thisNode) throws FilesException {
        Mailbox mailbox = mailboxes.find(tenantId, MAILBOX).orElseThrow(() -> new IllegalStateException(
                "the demo has no mailbox " + MAILBOX));
        Instant now = Instant.now();
        for (Demo demo : MESSAGES) {
            VoicemailMessage message = VoicemailMessage.recorded(mailbox, CallerId.asSent(demo.callerNumber(),
                    demo.callerName()), now.minus(demo.ago()), Duration.ofSeconds(demo.seconds()), thisNode);
            files.write(FilePath.parse(message.file()), tone(demo.toneHertz(), demo.seconds()));
            messages.add(message);
        }
    }

    /** A sine tone as a WAV file the way recordings are kept: 8 kHz, 16-bit signed PCM, mono. */
    static byte[] tone(int hertz, int seconds) {
        int samples = SAMPLE_RATE * seconds;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) Math.round(8000 * Math.sin(2 * Math.PI * hertz * i / SAMPLE_RATE)));
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + pcm.capacity()).put("WAVE".getBytes())
                .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(pcm.capacity());
        ByteArrayOutputStream wav = new ByteArrayOutputStream(44 + pcm.capacity());
        wav.writeBytes(header.array());
        wav.writeBytes(pcm.array());
        return wav.toByteArray();
    }
}
