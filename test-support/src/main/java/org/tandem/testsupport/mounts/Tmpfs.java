package org.tandem.testsupport.mounts;

import org.tandem.testsupport.programs.Command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A tmpfs of a fixed size mounted on a folder, for a test that needs a disk to fill or to turn read-only.
 * Mounting needs root (the tests run as root here and in CI); {@link #canMount()} tells a test to skip
 * elsewhere. Closing unmounts it (lazily if it is busy), so a failed test leaves no mount behind.
 */
public final class Tmpfs implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Path mountPoint;
    private boolean mounted;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Whether this process may mount filesystems (it runs as root). */
    public static boolean canMount() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A tmpfs of {@code size} (as mount takes it: {@code 64k}, {@code 16m}) on {@code mountPoint}, made if missing. */
    public static Tmpfs mount(Path mountPoint, String size) {
        try {
            Files.createDirectories(mountPoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Command.succeed(TIMEOUT, "mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", mountPoint.toString());
        Tmpfs tmpfs = new Tmpfs(mountPoint);
        tmpfs.mounted = true;
        return tmpfs;
    }

    public Path path() {
        return mountPoint;
    }

    /** Remounts it read-only (EROFS for every write), or back to read-write. */
    public void readOnly(boolean readOnly) {
        Command.succeed(TIMEOUT, "mount", "-o", "remount," + (readOnly ? "ro" : "rw"), mountPoint.toString());
    }

    @Override
    public void close() {
        if (!mounted) {
            return;
        }
        if (!Command.run(TIMEOUT, List.of("umount", mountPoint.toString())).succeeded()) {
            Command.succeed(TIMEOUT, "umount", "-l", mountPoint.toString());
        }
        mounted = false;
    }
}
