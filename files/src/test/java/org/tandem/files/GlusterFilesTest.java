package org.tandem.files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.testsupport.glusterfs.GlusterCluster;
import org.tandem.testsupport.mounts.Tmpfs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store on a real GlusterFS volume replicated on two nodes (two glusterd on 127.0.0.21 and .22, each
 * node's store on its own FUSE mount), as a cluster's nodes have it: a brick that dies loses nothing and
 * heals once back; a read-only volume refuses the write in words and lists nothing half-written; a crashed
 * client says the volume is gone. A full disk is SharedFilesTest's, on a tmpfs: a GlusterFS brick filled up
 * here left its FUSE clients hung or refusing writes for minutes (upstream behaviour; operations.md says
 * to keep bricks from filling).
 * Each test is bounded in time, on a thread of its own: a call stuck on a hung FUSE client fails the test,
 * and closing the cluster (which kills the clients first) frees it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlusterFilesTest {

    private static final UUID TENANT = UUID.fromString("8d3a0b7c-2f14-4c8e-b1d6-93e0f5a7c412");
    private static final FilePath MAILBOX = FilePath.tenant(TENANT, TenantArea.VOICEMAIL, "101");
    private static final Duration HEAL_WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path folder;

    private static GlusterCluster cluster;
    private static SharedFiles nodeA;
    private static SharedFiles nodeB;

    @BeforeAll
    static void startCluster() throws Exception {
        assumeTrue(Tmpfs.canMount(), "glusterd and FUSE mounts need root");
        cluster = GlusterCluster.start(folder.resolve("gluster"), 2, "32m");
        nodeA = SharedFiles.open(new FilesSettings(cluster.mount(0), folder.resolve("staging-a"),
                Optional.of(GlusterCluster.FILESYSTEM_TYPE), "node1"));
        nodeB = SharedFiles.open(new FilesSettings(cluster.mount(1), folder.resolve("staging-b"),
                Optional.of(GlusterCluster.FILESYSTEM_TYPE), "node2"));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * A message left on node A is played from node B while A's brick is dead; another left on A meanwhile
     * reaches A's brick once the brick is back and healed, with the same bytes on both bricks.
     */
    @Test
    @Order(1)
    void aDeadBrickLosesNothingAndHealsWhenBack() throws Exception {
        FilePath before = MAILBOX.resolve("before.wav");
        FilePath during = MAILBOX.resolve("during.wav");
        byte[] first = bytes(300_000, 1);
        byte[] second = bytes(200_000, 2);
        nodeA.write(before, first);

        cluster.killBrick(0);
        assertThat(nodeB.read(before)).isEqualTo(first);
        nodeA.write(during, second);
        assertThat(nodeB.list(MAILBOX)).extracting(StoredFile::path).containsExactly(before, during);
        assertThat(nodeB.read(during)).isEqualTo(second);
        assertThat(onBrick(0, during)).as("A's brick, dead while the message was left").doesNotExist();

        cluster.startBricks();
        cluster.heal();
        await("the message left while A's brick was dead healed onto it",
                () -> Files.exists(onBrick(0, during)) && sameBytes(onBrick(0, during), second));
        for (int brick = 0; brick < 2; brick++) {
            assertThat(onBrick(brick, before)).hasBinaryContent(first);
            assertThat(onBrick(brick, during)).hasBinaryContent(second);
        }
        assertThat(nodeA.list(MAILBOX)).extracting(StoredFile::path, StoredFile::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(before, 300_000L),
                        org.assertj.core.groups.Tuple.tuple(during, 200_000L));
        assertThat(temporariesOnBricks()).isEmpty();
    }

    @Test
    @Order(2)
    void aReadOnlyVolumeRefusesTheWriteInWordsAndListsNothingNew() throws Exception {
        FilePath folderOfGreetings = FilePath.tenant(TENANT, TenantArea.GREETINGS, "102");
        nodeA.write(folderOfGreetings.resolve("name.wav"), bytes(1_000, 3));
        cluster.set("features.read-only", "on");
        try {
            await("the mount refuses writes", () -> refusesWrites(cluster.mount(1)));
            FilePath busy = folderOfGreetings.resolve("busy.wav");
            assertThatThrownBy(() -> nodeB.write(busy, bytes(50_000, 4)))
                    .isInstanceOfSatisfying(FilesException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FilesFailure.READ_ONLY);
                        assertThat(e).hasMessageStartingWith("cannot write " + busy + ": the files are read-only");
                    });
            assertThat(nodeB.list(folderOfGreetings)).extracting(StoredFile::path)
                    .containsExactly(folderOfGreetings.resolve("name.wav"));
            assertThat(nodeB.read(folderOfGreetings.resolve("name.wav"))).isEqualTo(bytes(1_000, 3));
        } finally {
            cluster.set("features.read-only", "off");
        }
        await("the mount takes writes again", () -> !refusesWrites(cluster.mount(1)));
        assertThat(temporariesOnBricks()).isEmpty();
    }

    /** Node B's FUSE client crashed: its store says the volume is gone, and works again once it is remounted. */
    @Test
    @Order(3)
    void aCrashedMountSaysTheVolumeIsGone() throws Exception {
        FilePath message = FilePath.tenant(TENANT, TenantArea.VOICEMAIL, "103", "while-b-is-unmounted.wav");
        cluster.killClient(1);
        try {
            assertThatThrownBy(() -> nodeB.write(message, bytes(1_000, 7)))
                    .isInstanceOfSatisfying(FilesException.class, e -> {
                        assertThat(e.failure()).isEqualTo(FilesFailure.VOLUME_GONE);
                        assertThat(e).hasMessageStartingWith("cannot write " + message + ": the volume is not mounted: ")
                                .hasMessageContaining("Transport endpoint is not connected");
                    });
            assertThatThrownBy(() -> nodeB.list(message.parent().orElseThrow()))
                    .isInstanceOfSatisfying(FilesException.class,
                            e -> assertThat(e.failure()).isEqualTo(FilesFailure.VOLUME_GONE));
            assertThat(nodeA.exists(message)).isFalse();
        } finally {
            cluster.remount(1);
        }
        nodeB.write(message, bytes(1_000, 7));
        assertThat(nodeA.read(message)).isEqualTo(bytes(1_000, 7));
    }

    private static Path onBrick(int brick, FilePath path) {
        return cluster.brick(brick).resolve(path.toString());
    }

    /** Files in the nodes' hidden folder of temporaries, on either brick. */
    private static List<Path> temporariesOnBricks() throws IOException {
        List<Path> found = new java.util.ArrayList<>();
        for (int brick = 0; brick < 2; brick++) {
            Path incoming = cluster.brick(brick).resolve(SharedFiles.INCOMING);
            if (Files.isDirectory(incoming)) {
                try (Stream<Path> files = Files.walk(incoming)) {
                    files.filter(Files::isRegularFile).forEach(found::add);
                }
            }
        }
        return found;
    }

    private static boolean refusesWrites(Path mount) {
        return writeRefusal(mount) instanceof FileSystemException refused && "Read-only file system".equals(refused.getReason());
    }

    /** Why a probe file written straight through the mount was refused, or null when it went in. */
    private static IOException writeRefusal(Path mount) {
        Path probe = mount.resolve("probe-" + UUID.randomUUID());
        try {
            Files.write(probe, new byte[] {1});
            Files.delete(probe);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static boolean sameBytes(Path file, byte[] expected) {
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), expected);
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + HEAL_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within %s: %s", HEAL_WITHIN, what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
