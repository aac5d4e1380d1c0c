package org.tandem.engine.writebehind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The local journal of one kind of value written behind ({@code <kind>-<n>.spool} files in a folder
 * of the node's data): a value is appended when it is handed over, so a node killed while the
 * database is away still has it at its next start, and it is dropped once the database holds it.
 *
 * <p>Each record is framed as its length, a CRC-32C of its bytes, then the bytes: a record cut short
 * by a crash (or damaged) is found at the next start, skipped with a warning, and ends the reading
 * of its file. Files are appended to in turn; a file is deleted once every value in it is done
 * (written, replaced by a newer value of its key, or refused for good by the database), so the
 * spool only holds what still waits.
 *
 * <p>{@link #append} writes to the operating system at once, which outlives the process;
 * {@link #force} puts it on the disk, which outlives the machine: the write-behind forces once a
 * batch, before the batch goes to the database. When the disk is full (or the folder otherwise
 * cannot be written) the value is kept in memory only: {@link #append} says so, and the spool logs
 * it loudly and reports it ({@link #failing()}) until it can write again.
 *
 * <p>Its owner ({@link WriteBehind}) appends and marks done under its own lock, so the file's order
 * is the order values were handed over in; forcing runs outside that lock (it takes milliseconds),
 * so the spool keeps its own.
 */
public final class Spool<V> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Spool.class.getName());
    /** What {@link #append} returns for a value kept in memory only. */
    static final long NOT_SPOOLED = -1;
    private static final int MAGIC = 0x54535031; // "TSP1"
    private static final int HEADER_BYTES = 4;
    private static final int FRAME_BYTES = 8;
    /** Far above any value written behind: a longer length is a damaged frame. */
    private static final int LARGEST_RECORD = 1 << 20;
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** How a value is written into a record and read back. */
    public interface Codec<V> {
        void write(V value, DataOutput out) throws IOException;

        V read(DataInput in) throws IOException;
    }

    /**
     * @param folder       where the files are (made if missing)
     * @param fileBytes    once the file being appended to is this long, the next value starts a new one
     */
    public record Settings(Path folder, long fileBytes) {

        /** 4 MiB files: about 30,000 call records each; a file is deleted as soon as all of it is written. */
        public static final long DEFAULT_FILE_BYTES = 4L << 20;

        public Settings {
            Objects.requireNonNull(folder, "spool folder");
            if (fileBytes < 1) {
                throw new IllegalArgumentException("spool files must hold at least a byte");
            }
        }

        public Settings(Path folder) {
            this(folder, DEFAULT_FILE_BYTES);
        }
    }

    private final String kind;
    private final Codec<V> codec;
    private final Settings settings;
    private final Pattern fileName;
    /** Values not done yet, per file number. */
    private final Map<Long, Integer> live = new HashMap<>();
    private final List<V> replayed;
    private final List<Path> replayedFiles; // guarded by this

    private FileChannel current;
    private long currentNumber;
    private boolean rollBeforeNextAppend;
    private boolean dirty;
    private boolean failing;
    private long lastWarning;
    private long unspooled;

    private Spool(String kind, Codec<V> codec, Settings settings) throws IOException {
        this.kind = kind;
        this.codec = codec;
        this.settings = settings;
        this.fileName = Pattern.compile(Pattern.quote(kind) + "-([0-9]{1,19})\\.spool");
        Files.createDirectories(settings.folder());
        this.replayedFiles = new ArrayList<>(files());
        this.replayed = new ArrayList<>();
        for (Path file : replayedFiles) {
            read(file);
        }
        this.currentNumber = replayedFiles.isEmpty() ? 0 : number(replayedFiles.getLast());
    }

    /**
     * Opens the spool of {@code kind} in the settings' folder and reads what an earlier run left
     * there ({@link #replayed()}).
     *
     * @throws UncheckedIOException if the folder cannot be made or read
     */
    public static <V> Spool<V> open(String kind, Codec<V> codec, Settings settings) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(settings, "settings");
        try {
            return new Spool<>(kind, codec, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + kind + " spool in " + settings.folder(), e);
        }
    }

    /** What an earlier run left, oldest first; a later value of a key comes after the earlier ones. */
    List<V> replayed() {
        return replayed;
    }

    /**
     * Deletes the files an earlier run left, once their values are appended again (and forced) in
     * this run's files; until then a crash replays them once more, which the keys make harmless.
     */
    void forgetReplayedFiles() {
        if (!force()) {
            return;
        }
        List<Path> files;
        synchronized (this) {
            files = List.copyOf(replayedFiles);
            replayedFiles.clear();
        }
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "{0} spool: cannot delete {1}, whose values are spooled again: {2}",
                        kind, file, e.getMessage());
            }
        }
    }

    /**
     * Appends {@code value} (to the operating system, not yet to the disk) and returns the ticket to
     * hand to {@link #done} once the database holds it, or {@link #NOT_SPOOLED} if it could not be
     * written (logged).
     */
    synchronized long append(V value) {
        byte[] record;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0);
            out.writeInt(0);
            codec.write(value, out);
            out.flush();
            record = bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + kind + " value", e);
        }
        int length = record.length - FRAME_BYTES;
        CRC32C crc = new CRC32C();
        crc.update(record, FRAME_BYTES, length);
        ByteBuffer.wrap(record).putInt(length).putInt((int) crc.getValue());
        long start = -1;
        try {
            if (current == null || rollBeforeNextAppend || current.size() >= settings.fileBytes()) {
                roll();
            }
            start = current.size();
            ByteBuffer buffer = ByteBuffer.wrap(record);
            while (buffer.hasRemaining()) {
                current.write(buffer);
            }
            dirty = true;
            live.merge(currentNumber, 1, Integer::sum);
            writable();
            return currentNumber;
        } catch (IOException e) {
            cutBack(start);
            unwritable("cannot append to", e);
            unspooled++;
            return NOT_SPOOLED;
        }
    }

    /** Puts what was appended on the disk; whether it is there (a failure is logged). */
    boolean force() {
        FileChannel channel;
        synchronized (this) {
            if (!dirty) {
                return true;
            }
            channel = current;
            dirty = false;
        }
        try {
            channel.force(false);
            return true;
        } catch (ClosedChannelException e) {
            return true; // closed after a force of its own (a new file was started) or once all in it was done
        } catch (IOException e) {
            synchronized (this) {
                dirty = true;
                unwritable("cannot force to the disk", e);
            }
            return false;
        }
    }

    /** The value of {@code ticket} needs the spool no more: its file goes once nothing in it waits. */
    synchronized void done(long ticket) {
        if (ticket == NOT_SPOOLED) {
            unspooled--;
            return;
        }
        int left = live.merge(ticket, -1, Integer::sum);
        if (left > 0) {
            return;
        }
        live.remove(ticket);
        if (ticket != currentNumber || current == null) { // an earlier file, or the last one after close()
            delete(ticket);
            return;
        }
        // everything appended so far is done: the file starts over (cheaper than a new file at every batch)
        try {
            current.truncate(HEADER_BYTES);
        } catch (IOException e) {
            rollBeforeNextAppend = true;
        }
    }

    /** Whether values are being kept in memory only, because the spool cannot be written. */
    public synchronized boolean failing() {
        return failing;
    }

    /** Values waiting now that are in memory only (the spool could not take them). */
    public synchronized long unspooled() {
        return unspooled;
    }

    private void roll() throws IOException {
        if (current != null) {
            current.force(false);
            dirty = false;
            closeCurrent();
        }
        rollBeforeNextAppend = false;
        long next = currentNumber + 1;
        FileChannel channel = FileChannel.open(file(next), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            channel.write(ByteBuffer.allocate(HEADER_BYTES).putInt(0, MAGIC));
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(file(next));
            throw e;
        }
        current = channel;
        currentNumber = next;
    }

    /** A record half written (the disk filled) would end the reading of its file: it is cut off, or the file left. */
    private void cutBack(long start) {
        if (current == null) {
            return;
        }
        try {
            if (start >= 0) {
                current.truncate(start);
            }
        } catch (IOException e) {
            rollBeforeNextAppend = true;
        }
    }

    private void closeCurrent() {
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "{0} spool: cannot close {1}: {2}", kind, file(currentNumber), e.getMessage());
        }
        current = null;
        dirty = false;
    }

    private void delete(long number) {
        try {
            Files.deleteIfExists(file(number));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "{0} spool: cannot delete {1}, which is written: {2} (a later start writes its"
                    + " values again, harmlessly)", kind, file(number), e.getMessage());
        }
    }

    private void unwritable(String what, IOException e) {
        long now = System.nanoTime();
        if (!failing || now - lastWarning >= WARNING_INTERVAL_NANOS) {
            lastWarning = now;
            LOG.log(Level.ERROR, kind + " spool: " + what + " " + settings.folder() + " (" + e
                    + "): values are kept in memory only until the database takes them, and a crash now would"
                    + " lose them; free space there (this error repeats at most every 10 s)");
        }
        failing = true;
    }

    private void writable() {
        if (failing) {
            failing = false;
            LOG.log(Level.INFO, "{0} spool: {1} can be written again", kind, settings.folder());
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> listed = Files.list(settings.folder())) {
            return listed.filter(path -> fileName.matcher(path.getFileName().toString()).matches())
                    .sorted((a, b) -> Long.compare(number(a), number(b)))
                    .toList();
        }
    }

    private long number(Path file) {
        Matcher matcher = fileName.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a spool file: " + file);
        }
        return Long.parseLong(matcher.group(1));
    }

    private Path file(long number) {
        return settings.folder().resolve(kind + "-" + number + ".spool");
    }

    /** Reads the records of {@code file} into {@link #replayed}, up to the first one cut short or damaged. */
    private void read(Path file) throws IOException {
        ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(file));
        if (content.remaining() < HEADER_BYTES || content.getInt() != MAGIC) {
            LOG.log(Level.WARNING, "{0} spool: {1} is not a spool file of this version (or was cut short before its"
                    + " first record): skipped", kind, file);
            return;
        }
        int count = 0;
        while (content.hasRemaining()) {
            int at = content.position();
            String damage = null;
            if (content.remaining() < FRAME_BYTES) {
                damage = "a record cut short";
            } else {
                int length = content.getInt();
                int checksum = content.getInt();
                if (length < 0 || length > LARGEST_RECORD || length > content.remaining()) {
                    damage = "a record cut short";
                } else {
                    CRC32C crc = new CRC32C();
                    crc.update(content.array(), content.position(), length);
                    if ((int) crc.getValue() != checksum) {
                        damage = "a damaged record";
                    } else {
                        try {
                            replayed.add(codec.read(new DataInputStream(
                                    new ByteArrayInputStream(content.array(), content.position(), length))));
                            content.position(content.position() + length);
                            count++;
                        } catch (IOException | RuntimeException unreadable) {
                            // whole and undamaged, yet not a record this version reads: never a reason to refuse
                            // to start, and kept for whoever must enter it by hand
                            damage = "a record this version cannot read (" + unreadable + ")";
                        }
                    }
                }
            }
            if (damage != null) {
                Path kept = file.resolveSibling(file.getFileName() + ".unreadable");
                if (!damage.equals("a record cut short")) {
                    Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
                }
                LOG.log(Level.WARNING, "{0} spool: {1} ends in {2} at byte {3,number,#} ({4,number,#} bytes skipped;"
                        + " a node that crashed while appending leaves one cut short, and anything else is kept as {6}):"
                        + " its {5,number,#} records before are kept",
                        kind, file, damage, at, content.limit() - at, count, kept.getFileName());
                return;
            }
        }
    }

    /** Forces what was appended; the files stay for the next start while values in them wait, and go otherwise. */
    @Override
    public void close() {
        force();
        closeAndDeleteIfAllDone();
    }

    private synchronized void closeAndDeleteIfAllDone() {
        closeCurrent();
        if (live.isEmpty() && replayedFiles.isEmpty()) {
            delete(currentNumber);
        }
    }
}
