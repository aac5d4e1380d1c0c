package org.tandem.storage.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.files.FilePath;
import org.tandem.files.FilesSettings;
import org.tandem.files.SharedFiles;
import org.tandem.storage.TestDatabase;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;
import org.tandem.storage.jpa.JpaTenantRepository;
import org.tandem.storage.lifecycle.ThisNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DemoMessagesTest {

    @TempDir
    Path folder;

    @Test
    void theDemoMailboxOf101HoldsTwoNewMessagesWhoseFilesAreTonesOfTheirLength() throws Exception {
        try (TestDatabase database = TestDatabase.startIn(folder.resolve("db"))) {
            ThisNode thisNode = new ThisNode("node1", new NetworkAddress("127.0.0.1", 5060), "127.0.0.1");
            Node node = database.fetch(entityManager -> {
                Node registered = thisNode.registerIn(entityManager);
                DemoData.seedIfEmpty(entityManager, registered);
                return registered;
            });
            UUID tenant = database.fetch(entityManager -> new JpaTenantRepository(entityManager)
                    .findBySipDomain(DemoData.TENANT_DOMAIN).orElseThrow().id());
            SharedFiles files = SharedFiles.open(new FilesSettings(folder.resolve("files"), folder.resolve("staging"),
                    Optional.empty(), "node1"));
            JdbcVoicemailMessages messages = new JdbcVoicemailMessages(database.dataSource(), node.id());

            DemoMessages.leave(tenant, new JdbcMailboxes(database.dataSource()), messages, files, node.id());

            Mailbox mailbox = new JdbcMailboxes(database.dataSource()).find(tenant, DemoMessages.MAILBOX).orElseThrow();
            List<VoicemailMessage> left = messages.inFolder(mailbox.extensionId(), MessageFolder.NEW);
            assertThat(left).extracting(message -> message.caller().number()).containsExactly("102", "+15550100");
            for (VoicemailMessage message : left) {
                ByteBuffer wav = ByteBuffer.wrap(files.read(FilePath.parse(message.file()))).order(ByteOrder.LITTLE_ENDIAN);
                assertThat(new String(wav.array(), 0, 4)).isEqualTo("RIFF");
                assertThat(wav.getInt(24)).as("sample rate").isEqualTo(8000);
                assertThat((long) wav.getInt(40)).as("data bytes: 16-bit samples for the message's length")
                        .isEqualTo(message.duration().toSeconds() * 8000 * 2);
            }
            assertThat(DemoMessages.tone(440, 1)).hasSize(44 + 16_000);
            assertThat(zeroCrossings(DemoMessages.tone(440, 1))).as("a 440 Hz tone crosses zero 880 times a second")
                    .isBetween(878, 882);
        }
    }

    private static int zeroCrossings(byte[] wav) {
        ByteBuffer samples = ByteBuffer.wrap(wav, 44, wav.length - 44).slice().order(ByteOrder.LITTLE_ENDIAN);
        int crossings = 0;
        short previous = samples.getShort();
        while (samples.hasRemaining()) {
            short next = samples.getShort();
            if ((previous < 0) != (next < 0)) {
                crossings++;
            }
            previous = next;
        }
        return crossings;
    }
}
