package org.tandem.files;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.testsupport.mounts.Tmpfs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The store on a local folder, as {@code ./tandem run} has it, and on small tmpfs mounts for the failures. */
class SharedFilesTest {

    private static final UUID TENANT = UUID.fromString("5f0c1f3e-8a61-4f0e-9f57-6f2d7c3b9a10");
    private static final FilePath MAILBOX = FilePath.tenant(TENANT, TenantArea.VOICEMAIL, "101");

    @TempDir
    Path folder;

    private Path shared;
    private Path staging;

    @BeforeEach
    void folders() {
        shared = folder.resolve("files");
        staging = folder.resolve("staging");
    }

    private SharedFiles open() throws FilesException {
        return SharedFiles.open(new FilesSettings(shared, staging, Optional.empty(), "node1"));
    }

    @Test
    void filesAreWrittenReadListedMeasuredAndDeleted() throws Exception {
        SharedFiles files = open();
        byte[] first = bytes(10_000, 1);
        byte[] second = bytes(3, 2);
        files.write(MAILBOX.resolve("m2.wav"), first);
        files.write(MAILBOX.resolve("m1.wav"), new ByteArrayInputStream(second));
        files.write(FilePath.sound("en", "vm-intro.wav"), bytes(5, 3));

        assertThat(files.read(MAILBOX.resolve("m2.wav"))).isEqualTo(first);
        try (InputStream in = files.newInputStream(MAILBOX.resolve("m1.wav"))) {
            assertThat(in.readAllBytes()).isEqualTo(second);
        }
        assertThat(files.size(MAILBOX.resolve("m2.wav"))).isEqualTo(10_000);
        assertThat(files.list(MAILBOX)).extracting(StoredFile::path, StoredFile::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MAILBOX.resolve("m1.wav"), 3L),
                        org.assertj.core.groups.Tuple.tuple(MAILBOX.resolve("m2.wav"), 10_000L));
        assertThat(shared.resolve(MAILBOX.resolve("m2.wav").toString())).hasBinaryContent(first);

        byte[] replaced = bytes(7, 4);
        files.write(MAILBOX.resolve("m2.wav"), replaced);
        assertThat(files.read(MAILBOX.resolve("m2.wav"))).isEqualTo(replaced);

        assertThat(files.delete(MAILBOX.resolve("m1.wav"))).isTrue();
        assertThat(files.delete(MAILBOX.resolve("m1.wav"))).isFalse();
        assertThat(files.exists(MAILBOX.resolve("m1.wav"))).isFalse();
        assertThat(files.exists(MAILBOX.resolve("m2.wav"))).isTrue();
        assertThat(files.list(FilePath.tenant(TENANT, TenantArea.GREETINGS))).isEmpty();
        assertThatThrownBy(() -> files.read(MAILBOX.resolve("m1.wav")))
                .isInstanceOfSatisfying(FilesException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FilesFailure.NOT_FOUND);
                    assertThat(e.path()).isEqualTo(MAILBOX.resolve("m1.wav").toString());
                    assertThat(e).hasMessageStartingWith("cannot read " + MAILBOX.resolve("m1.wav") + ": there is no such file");
                });
        assertThatThrownBy(() -> files.write(FilePath.tenant(TENANT, TenantArea.VOICEMAIL), bytes(1, 1))).isInstanceOf(InvalidFilePathException.class);
        // nothing stays on the local disk
        assertThat(filesIn(staging)).isEmpty();
        assertThat(filesIn(shared.resolve(SharedFiles.INCOMING))).isEmpty();
    }

    @Test
    void aRecordingIsStagedLocallyAndAppearsOnlyWhole() throws Exception {
        SharedFiles files = open();
        FilePath recording = FilePath.tenant(TENANT, TenantArea.RECORDINGS, "call-1.wav");
        try (Staged staged = files.stage()) {
            assertThat(staged.file()).startsWith(staging);
            Files.write(staged.file(), bytes(1_000, 5));
            assertThat(files.list(recording.parent().orElseThrow())).isEmpty();
            files.publish(staged, recording);
        }
        assertThat(files.read(recording)).isEqualTo(bytes(1_000, 5));
        assertThat(filesIn(staging)).isEmpty();
    }

    /** A reader of a file being replaced over and over reads one whole version every time, never a mix or a part. */
    @Test
    void aReaderNeverSeesHalfAFile() throws Exception {
        SharedFiles files = open();
        FilePath greeting = FilePath.tenant(TENANT, TenantArea.GREETINGS, "101", "busy.wav");
        List<byte[]> versions = List.of(bytes(400_000, 10), bytes(300_000, 11), bytes(500_000, 12));
        files.write(greeting, versions.getFirst());
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> torn = new ArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            int reads = 0;
            while ((writing.get() || reads < 10) && reads < 100_000) {
                try {
                    byte[] read = files.read(greeting);
                    if (versions.stream().noneMatch(version -> Arrays.equals(version, read))) {
                        torn.add("read " + read.length + " bytes that are no version");
                    }
                    assertThat(files.list(greeting.parent().orElseThrow())).extracting(StoredFile::path)
                            .containsExactly(greeting);
                } catch (FilesException | AssertionError e) {
                    torn.add(e.toString());
                }
                reads++;
            }
        });
        for (int i = 0; i < 60; i++) {
            files.write(greeting, versions.get(i % versions.size()));
        }
        writing.set(false);
        reader.join(60_000);
        assertThat(torn).isEmpty();
    }

    /** A node that died mid-copy left a temporary: never listed, and gone when the node opens the store again. */
    @Test
    void whatANodeLeftHalfDoneIsNeverListedAndIsRemovedAtItsNextStart() throws Exception {
        SharedFiles files = open();
        files.write(MAILBOX.resolve("m1.wav"), bytes(10, 1));
        Path leftByACrash = shared.resolve(SharedFiles.INCOMING).resolve("node1").resolve(UUID.randomUUID() + ".part");
        Files.write(leftByACrash, bytes(10, 2));
        Path otherNodesCopy = shared.resolve(SharedFiles.INCOMING).resolve("node2").resolve(UUID.randomUUID() + ".part");
        Files.createDirectories(otherNodesCopy.getParent());
        Files.write(otherNodesCopy, bytes(10, 3));
        Files.write(shared.resolve(MAILBOX.toString()).resolve(".m2.wav.tmp"), bytes(10, 4));
        Files.write(staging.resolve("recording.part"), bytes(10, 5));

        assertThat(files.list(MAILBOX)).extracting(StoredFile::path).containsExactly(MAILBOX.resolve("m1.wav"));

        open();
        assertThat(leftByACrash).doesNotExist();
        assertThat(staging.resolve("recording.part")).doesNotExist();
        assertThat(otherNodesCopy).as("another node's copy in progress").exists();
    }

    /** A symbolic link planted in the folder (to a file outside it) is neither listed nor read through. */
    @Test
    void aLinkInTheFolderIsNotFollowed() throws Exception {
        SharedFiles files = open();
        files.write(MAILBOX.resolve("m1.wav"), bytes(10, 1));
        Path secret = folder.resolve("secret.txt");
        Files.writeString(secret, "not for callers");
        Files.createSymbolicLink(shared.resolve(MAILBOX.toString()).resolve("m2.wav"), secret);

        assertThat(files.list(MAILBOX)).extracting(StoredFile::path).containsExactly(MAILBOX.resolve("m1.wav"));
        assertThatThrownBy(() -> files.read(MAILBOX.resolve("m2.wav")))
                .isInstanceOf(FilesException.class).hasMessageStartingWith("cannot read " + MAILBOX.resolve("m2.wav"));
        assertThat(files.exists(MAILBOX.resolve("m2.wav"))).isFalse();
    }

    @Test
    void settingsDefaultToTheDataFolderAndKeepStagingOutOfTheSharedFolder() {
        Path data = folder.resolve("var");
        FilesSettings defaults = FilesSettings.from(new Properties(), data);
        assertThat(defaults.directory()).isEqualTo(data.resolve("files").toAbsolutePath());
        assertThat(defaults.stagingDirectory()).isEqualTo(data.resolve("files-staging").toAbsolutePath());
        assertThat(defaults.filesystemType()).isEmpty();
        assertThat(defaults.nodeName()).isEqualTo("node1");

        Properties set = new Properties();
        set.setProperty("tandem.files.dir", "/mnt/tandem");
        set.setProperty("tandem.files.staging.dir", "/var/lib/tandem/staging");
        set.setProperty("tandem.files.fs.type", " fuse.glusterfs ");
        set.setProperty("tandem.node.name", "node2");
        assertThat(FilesSettings.from(set, data)).isEqualTo(new FilesSettings(Path.of("/mnt/tandem"),
                Path.of("/var/lib/tandem/staging"), Optional.of("fuse.glusterfs"), "node2"));

        set.setProperty("tandem.files.staging.dir", "/mnt/tandem/staging");
        assertThatThrownBy(() -> FilesSettings.from(set, data))
                .hasMessageContaining("tandem.files.staging.dir (/mnt/tandem/staging) must be outside tandem.files.dir");
        set.setProperty("tandem.files.staging.dir", "/var/lib/tandem/staging");
        set.setProperty("tandem.node.name", "../x");
        assertThatThrownBy(() -> FilesSettings.from(set, data)).hasMessageContaining("tandem.node.name");
    }

    /** A full disk refuses the write in words, and leaves nothing in the folder: no part, no temporary. */
    @Test
    void aFullDiskRefusesTheWriteAndLeavesNothingHalfWritten() throws Exception {
        try (Tmpfs small = mountShared("256k")) {
            SharedFiles files = open();
            files.write(MAILBOX.resolve("m1.wav"), bytes(8_000, 1));
            FilePath tooBig = MAILBOX.resolve("m2.wav");
            assertThatThrownBy(() -> files.write(tooBig, bytes(1_000_000, 2)))
                    .isInstanceOfSatisfying(FilesException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FilesFailure.NO_SPACE);
                        assertThat(e).hasMessageStartingWith("cannot write " + tooBig + ": there is no space left");
                    });
            assertThat(files.list(MAILBOX)).extracting(StoredFile::path).containsExactly(MAILBOX.resolve("m1.wav"));
            assertThat(filesIn(small.path().resolve(SharedFiles.INCOMING))).isEmpty();
            assertThat(filesIn(staging)).isEmpty();
            // the room it took is free again: a file that fits goes in
            files.write(MAILBOX.resolve("m3.wav"), bytes(100_000, 3));
            assertThat(files.read(MAILBOX.resolve("m3.wav"))).isEqualTo(bytes(100_000, 3));
        }
    }

    @Test
    void aReadOnlyFolderRefusesTheWriteAndStillReads() throws Exception {
        try (Tmpfs volume = mountShared("1m")) {
            SharedFiles files = open();
            files.write(MAILBOX.resolve("m1.wav"), bytes(100, 1));
            volume.readOnly(true);
            assertThatThrownBy(() -> files.write(MAILBOX.resolve("m2.wav"), bytes(100, 2)))
                    .isInstanceOfSatisfying(FilesException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FilesFailure.READ_ONLY);
                        assertThat(e).hasMessageContaining("m2.wav: the files are read-only");
                    });
            assertThat(files.read(MAILBOX.resolve("m1.wav"))).isEqualTo(bytes(100, 1));
            assertThat(files.list(MAILBOX)).extracting(StoredFile::path).containsExactly(MAILBOX.resolve("m1.wav"));
            assertThat(filesIn(staging)).isEmpty();
            volume.readOnly(false);
        }
    }

    /**
     * The volume's mount gone: with the filesystem type set, the store refuses to write onto the empty
     * mount point (the node's own disk, where the other nodes would never see the file) and says so.
     */
    @Test
    void aMountThatIsGoneRefusesWritesInsteadOfFillingTheMountPoint() throws Exception {
        FilesSettings onTmpfs = new FilesSettings(shared, staging, Optional.of("tmpfs"), "node1");
        SharedFiles files;
        try (Tmpfs volume = mountShared("1m")) {
            files = SharedFiles.open(onTmpfs);
            files.write(MAILBOX.resolve("m1.wav"), bytes(100, 1));
        }
        assertThatThrownBy(() -> files.write(MAILBOX.resolve("m2.wav"), bytes(100, 2)))
                .isInstanceOfSatisfying(FilesException.class, e -> {
                    assertThat(e.failure()).isEqualTo(FilesFailure.VOLUME_GONE);
                    assertThat(e).hasMessageContaining("m2.wav: the volume is not mounted: " + shared + " is on ")
                            .hasMessageContaining(", not tmpfs (tandem.files.fs.type)");
                });
        assertThatThrownBy(() -> files.list(MAILBOX)).isInstanceOf(FilesException.class);
        assertThatThrownBy(() -> SharedFiles.open(onTmpfs))
                .isInstanceOfSatisfying(FilesException.class, e -> assertThat(e.failure()).isEqualTo(FilesFailure.VOLUME_GONE));
        assertThat(filesIn(shared)).as("nothing written on the mount point").isEmpty();
    }

    /** A tmpfs of {@code size} on the shared folder (root only: skipped elsewhere). */
    private Tmpfs mountShared(String size) {
        assumeTrue(Tmpfs.canMount(), "mounting a tmpfs needs root");
        return Tmpfs.mount(shared, size);
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
