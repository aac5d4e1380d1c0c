package org.tandem.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The cluster's files in one folder (a local folder for a single node; the FUSE mount of the cluster's
 * GlusterFS volume on each node of a cluster), read and written with java.nio in the layout of
 * {@link FilePath}.
 * <p>
 * A write never streams into the shared folder: the content goes to a local staging file first (a
 * recording is written there frame by frame, see {@link #stage()}), is then copied in one go to a hidden
 * temporary inside the folder ({@code .incoming/<node>/}), flushed, and renamed into place. The rename is
 * atomic within the volume, so a reader or a listing sees the whole file or nothing; a failed write
 * removes its temporary, and the temporaries of a node that died mid-copy are removed when it opens the
 * store again (no other node ever writes in its folder). Every failure is one {@link FilesException}
 * naming the path and why. Safe for concurrent use.
 */
public final class SharedFiles {

    /** The hidden folder of the nodes' temporaries, at the top of the shared folder. */
    static final String INCOMING = ".incoming";

    private final FilesSettings settings;
    private final Path root;
    private final Path incoming;

    private SharedFiles(FilesSettings settings) {
        this.settings = settings;
        this.root = settings.directory();
        this.incoming = root.resolve(INCOMING).resolve(settings.nodeName());
    }

    /**
     * The store on the settings' folders: makes them when missing (the shared folder only when it is on the
     * filesystem it must be on), and removes what this node left half-done before (staged files, temporaries).
     */
    public static SharedFiles open(FilesSettings settings) throws FilesException {
        SharedFiles files = new SharedFiles(settings);
        files.prepare();
        return files;
    }

    private void prepare() throws FilesException {
        Path staging = settings.stagingDirectory();
        try {
            Files.createDirectories(staging);
            removeFilesIn(staging);
        } catch (IOException e) {
            throw FilesException.of("prepare the staging folder", staging, e);
        }
        checkMounted("open", root);
        try {
            Files.createDirectories(incoming);
            removeFilesIn(incoming);
        } catch (IOException e) {
            throw FilesException.of("open", root, e);
        }
    }

    private static void removeFilesIn(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    /** The shared folder. */
    public Path directory() {
        return root;
    }

    /** A new, empty file on the local disk to write content into before {@link #publish}ing it. */
    public Staged stage() throws FilesException {
        Path file = settings.stagingDirectory().resolve(UUID.randomUUID() + ".part");
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw FilesException.of("stage a file in", settings.stagingDirectory(), e);
        }
        return new Staged(file);
    }

    /**
     * Puts the staged file's content at {@code target}, whole, replacing a file there. On failure nothing
     * is left in the shared folder and the staged file is kept (closing it removes it).
     */
    public void publish(Staged staged, FilePath target) throws FilesException {
        if (target.isLayoutFolder()) {
            throw new InvalidFilePathException(target.toString(), "it names a folder of the layout, not a file");
        }
        checkMounted("write", target);
        Path destination = resolve(target);
        Path temporary = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(destination.getParent());
            Files.createDirectories(incoming);
            try {
                copyFlushed(staged.file(), temporary);
            } catch (IOException copyFailed) {
                throw FilesFailure.of(copyFailed) == FilesFailure.FAILED && nearlyFull()
                        ? FilesException.of("write", target, copyFailed, FilesFailure.NO_SPACE) : copyFailed;
            }
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            FilesException failure = FilesException.of("write", target, e);
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException notRemoved) {
                failure.addSuppressed(notRemoved);
            }
            throw failure;
        }
    }

    /**
     * Whether the folder has less than 1 % of its room left, for a copy that failed for a reason the
     * error does not name: GlusterFS's bricks refuse writes past their reserve (storage.reserve, 1 % by
     * default), and its client does not always pass that on as ENOSPC (in a test under load, a copy that
     * filled the bricks failed with another error while the client logged bad file descriptors).
     */
    private boolean nearlyFull() {
        try {
            FileStore store = Files.getFileStore(root);
            return store.getUsableSpace() < store.getTotalSpace() / 100;
        } catch (IOException unknown) {
            return false;
        }
    }

    /**
     * Copies in one pass and flushes to the bricks before the rename: GlusterFS's write-behind may report
     * a full brick only at the flush or the close, and a rename must never publish less than the whole.
     */
    private static void copyFlushed(Path source, Path temporary) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long position = 0;
            while (position < size) {
                long copied = in.transferTo(position, size - position, out);
                if (copied <= 0) {
                    throw new IOException("the staged file " + source + " shrank while it was copied");
                }
                position += copied;
            }
            out.force(true);
        }
    }

    /** Writes {@code content} at {@code target} through a staged file (see {@link #publish}). */
    public void write(FilePath target, InputStream content) throws FilesException {
        try (Staged staged = stage()) {
            try {
                Files.copy(content, staged.file(), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw FilesException.of("stage", target, e);
            }
            publish(staged, target);
        }
    }

    /** Writes {@code content} at {@code target} through a staged file (see {@link #publish}). */
    public void write(FilePath target, byte[] content) throws FilesException {
        try (Staged staged = stage()) {
            try {
                Files.write(staged.file(), content);
            } catch (IOException e) {
                throw FilesException.of("stage", target, e);
            }
            publish(staged, target);
        }
    }

    /** The whole content of the file at {@code path}. */
    public byte[] read(FilePath path) throws FilesException {
        try (InputStream in = newInputStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw FilesException.of("read", path, e);
        }
    }

    /** The file at {@code path} to read as a stream (a recording played to a browser); the caller closes it. */
    public InputStream newInputStream(FilePath path) throws FilesException {
        checkMounted("read", path);
        try {
            // a link planted in the folder is not followed out of it
            return Files.newInputStream(resolve(path), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw FilesException.of("read", path, e);
        }
    }

    /** The size in bytes of the file at {@code path}. */
    public long size(FilePath path) throws FilesException {
        return attributes("read the size of", path).size();
    }

    /** Whether a file is at {@code path}. */
    public boolean exists(FilePath path) throws FilesException {
        try {
            return attributes("look for", path).isRegularFile();
        } catch (FilesException e) {
            if (e.failure() == FilesFailure.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private BasicFileAttributes attributes(String action, FilePath path) throws FilesException {
        checkMounted(action, path);
        try {
            return Files.readAttributes(resolve(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw FilesException.of(action, path, e);
        }
    }

    /** Removes the file at {@code path}; false when there was none. */
    public boolean delete(FilePath path) throws FilesException {
        if (path.isLayoutFolder()) {
            throw new InvalidFilePathException(path.toString(), "it names a folder of the layout, not a file");
        }
        checkMounted("delete", path);
        try {
            return Files.deleteIfExists(resolve(path));
        } catch (IOException e) {
            throw FilesException.of("delete", path, e);
        }
    }

    /**
     * The whole files directly in {@code folder}, by name; none when the folder does not exist. Only
     * names a {@link FilePath} can have are listed, so nothing half-written ever is.
     */
    public List<StoredFile> list(FilePath folder) throws FilesException {
        checkMounted("list", folder);
        Path directory = resolve(folder);
        List<StoredFile> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!FilePath.isVisibleName(name)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException deletedMeanwhile) {
                    continue;
                }
                if (attributes.isRegularFile()) {
                    found.add(new StoredFile(folder.resolve(name), attributes.size(),
                            attributes.lastModifiedTime().toInstant()));
                }
            }
        } catch (NoSuchFileException noFolder) {
            return List.of();
        } catch (IOException e) {
            throw FilesException.of("list", folder, e);
        }
        found.sort(Comparator.comparing(file -> file.path().name()));
        return List.copyOf(found);
    }

    private Path resolve(FilePath path) {
        Path resolved = root;
        for (String segment : path.segments()) {
            resolved = resolved.resolve(segment);
        }
        return resolved;
    }

    /**
     * With a filesystem type set, refuses to go on while the folder is on another one: an unmounted
     * volume leaves an empty mount point on the node's own disk, where files would be lost to the cluster.
     */
    private void checkMounted(String action, Object path) throws FilesException {
        if (settings.filesystemType().isEmpty()) {
            return;
        }
        String expected = settings.filesystemType().get();
        FileStore store;
        try {
            store = Files.getFileStore(root);
        } catch (NoSuchFileException e) {
            throw new FilesException(action, String.valueOf(path), FilesFailure.VOLUME_GONE,
                    "its mount point " + root + " does not exist", e);
        } catch (IOException e) {
            throw new FilesException(action, String.valueOf(path), FilesFailure.VOLUME_GONE,
                    root + " cannot be reached: " + e.getMessage(), e);
        }
        if (!store.type().equals(expected)) {
            throw new FilesException(action, String.valueOf(path), FilesFailure.VOLUME_GONE,
                    root + " is on " + store.type() + ", not " + expected + " (" + FilesSettings.FILESYSTEM_TYPE_PROPERTY + ")",
                    null);
        }
    }
}
