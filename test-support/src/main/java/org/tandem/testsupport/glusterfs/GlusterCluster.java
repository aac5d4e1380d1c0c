package org.tandem.testsupport.glusterfs;

import org.tandem.testsupport.mounts.Tmpfs;
import org.tandem.testsupport.programs.Command;
import org.tandem.testsupport.programs.Programs;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real GlusterFS cluster on this machine (Debian's glusterfs-server and glusterfs-client): one
 * {@code glusterd} per node on its own loopback address (127.0.0.21, .22 ...; 127.0.0.1 cannot hold a
 * brick), each with its own working, run and log folders and socket; the peers probed; one volume
 * replicated on every node ({@code replica N}, bricks on a tmpfs of their own so that a test can fill
 * them; {@code force} since they are not on dedicated disks), {@code network.ping-timeout} 5 s so a dead
 * brick holds writes up 5 s rather than 42; and the volume mounted with {@code mount -t glusterfs} once per
 * node, from that node's glusterd.
 * <p>
 * Needs root and /dev/fuse (so does CI). {@link #close()} unmounts everything and stops every process it
 * started by its process id (glusterd, bricks, self-heal daemons, FUSE clients), also when the test failed
 * or the JVM is stopped (a shutdown hook). One cluster at a time on the machine: a lock file holds off
 * another test run's until this one is closed.
 */
public final class GlusterCluster implements AutoCloseable {

    public static final String VOLUME = "tandem";
    /** The FUSE filesystem type of a mount, as /proc/mounts and java.nio's FileStore name it. */
    public static final String FILESYSTEM_TYPE = "fuse.glusterfs";

    private static final int FIRST_ADDRESS = 21;
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "tandem-glusterfs.lock");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** One node: its address, folders and glusterd. */
    private record Node(String address, Path home, Path brick, Path mount, Path socket, Process glusterd, Tmpfs disk) {
        Path runDirectory() {
            return home.resolve("run");
        }
    }

    private final Path folder;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Path> mounted = new ArrayList<>();
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Thread shutdownHook = Thread.ofPlatform().unstarted(this::close);
    private boolean closed;

    private GlusterCluster(Path folder, FileChannel lockFile, FileLock lock) {
        this.folder = folder;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** {@code nodeCount} (2 or 3) nodes in {@code folder}, each brick on a tmpfs of {@code brickSize} ({@code 32m}), the volume started and mounted. */
    public static GlusterCluster start(Path folder, int nodeCount, String brickSize) {
        if (nodeCount < 2 || nodeCount > 3) {
            throw new IllegalArgumentException("2 or 3 nodes, not " + nodeCount);
        }
        Programs.onPath("glusterd", "glusterfs-server", "as the cluster's file servers");
        Programs.onPath("mount.glusterfs", "glusterfs-client", "to mount the cluster's volume");
        if (!Files.exists(Path.of("/dev/fuse"))) {
            throw new AssertionError("/dev/fuse is missing: GlusterFS's client mounts the volume through FUSE");
        }
        GlusterCluster cluster = lockMachine(folder);
        Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
        try {
            for (int i = 0; i < nodeCount; i++) {
                cluster.startNode(i, brickSize);
            }
            cluster.formVolume();
            for (Node node : cluster.nodes) {
                cluster.mountOn(node);
            }
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private static GlusterCluster lockMachine(Path folder) {
        FileChannel channel;
        try {
            channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileLock[] lock = new FileLock[1];
        try {
            await("the lock " + LOCK + ", held by another test's GlusterFS cluster", Duration.ofMinutes(10), () -> {
                try {
                    lock[0] = channel.tryLock();
                    return lock[0] != null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            try {
                channel.close();
            } catch (IOException notClosed) {
                e.addSuppressed(notClosed);
            }
            throw e;
        }
        return new GlusterCluster(folder, channel, lock[0]);
    }

    private void startNode(int index, String brickSize) {
        String address = "127.0.0." + (FIRST_ADDRESS + index);
        Path home = folder.resolve("node" + (index + 1));
        try {
            Files.createDirectories(home.resolve("glusterd"));
            Files.createDirectories(home.resolve("run"));
            Files.createDirectories(home.resolve("mnt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tmpfs disk = Tmpfs.mount(home.resolve("disk"), brickSize);
        Path socket = home.resolve("glusterd").resolve("gd.sock");
        Process glusterd;
        try {
            glusterd = new ProcessBuilder("glusterd", "-N",
                    "--xlator-option", "management.working-directory=" + home.resolve("glusterd"),
                    // without a run folder of its own, the second node's self-heal daemon cannot attach
                    "--xlator-option", "management.run-directory=" + home.resolve("run"),
                    "--xlator-option", "management.transport.socket.bind-address=" + address,
                    "--xlator-option", "management.glusterd-sockfile=" + socket,
                    "--log-file=" + home.resolve("glusterd.log"))
                    .redirectErrorStream(true).redirectOutput(home.resolve("glusterd.out").toFile()).start();
        } catch (IOException e) {
            disk.close();
            throw new UncheckedIOException(e);
        }
        Node node = new Node(address, home, disk.path().resolve("brick"), home.resolve("mnt"), socket, glusterd, disk);
        nodes.add(node);
        await("glusterd on " + address + " answers", () -> glusterd.isAlive()
                && cli(node, "peer", "status").succeeded());
        if (!glusterd.isAlive()) {
            throw new IllegalStateException("glusterd on " + address + " stopped: see " + home.resolve("glusterd.log"));
        }
    }

    private void formVolume() {
        Node first = nodes.getFirst();
        for (Node peer : nodes.subList(1, nodes.size())) {
            succeed(first, "peer", "probe", peer.address);
        }
        await("every peer in the cluster and connected", () -> count(succeed(first, "peer", "status"),
                "State: Peer in Cluster (Connected)") == nodes.size() - 1);
        List<String> create = new ArrayList<>(List.of("volume", "create", VOLUME, "replica", String.valueOf(nodes.size())));
        nodes.forEach(node -> create.add(node.address + ":" + node.brick));
        create.add("force");
        succeed(first, create.toArray(String[]::new));
        set("network.ping-timeout", "5");
        succeed(first, "volume", "start", VOLUME);
        awaitBricksOnline();
    }

    private void mountOn(Node node) {
        Command.succeed(COMMAND_TIMEOUT, "mount", "-t", "glusterfs",
                "-o", "log-file=" + node.home.resolve("mount.log"), node.address + ":/" + VOLUME, node.mount.toString());
        mounted.add(node.mount);
        try {
            String type = Files.getFileStore(node.mount).type();
            if (!type.equals(FILESYSTEM_TYPE)) {
                throw new IllegalStateException(node.mount + " is on " + type + " after mount -t glusterfs");
            }
            awaitConnectedToEveryBrick(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new FUSE client reaches the bricks one by one after the mount returns: a file written before it
     * reaches them all is on some bricks only. A probe written through the mount and seen on every brick
     * shows the client reaches them all.
     */
    private void awaitConnectedToEveryBrick(Node node) throws IOException {
        String probe = ".connected-" + node.address;
        await(node.mount + "'s client reaching every brick", () -> {
            try {
                Files.write(node.mount.resolve(probe), new byte[] {1});
            } catch (IOException notYet) {
                return false;
            }
            return nodes.stream().allMatch(other -> Files.exists(other.brick.resolve(probe)));
        });
        Files.delete(node.mount.resolve(probe));
    }

    /** Node {@code index}'s mount of the volume (0 is the first node). */
    public Path mount(int index) {
        return nodes.get(index).mount;
    }

    /** Node {@code index}'s brick: the volume's files as that node's copy holds them. */
    public Path brick(int index) {
        return nodes.get(index).brick;
    }

    /** {@code gluster volume set} on the volume. */
    public void set(String option, String value) {
        succeed(nodes.getFirst(), "volume", "set", VOLUME, option, value);
    }

    /** Kills node {@code index}'s brick process (SIGKILL, a crash), and waits until its glusterd sees it down. */
    public void killBrick(int index) {
        Node node = nodes.get(index);
        long pid = brickPid(node).orElseThrow(() -> new IllegalStateException("no brick runs on " + node.address));
        ProcessHandle brick = ProcessHandle.of(pid).orElseThrow();
        brick.destroyForcibly();
        await("brick process " + pid + " gone", () -> !brick.isAlive());
        await("glusterd sees the brick on " + node.address + " down", () -> brickPid(node).isEmpty());
    }

    /**
     * Kills node {@code index}'s FUSE client (SIGKILL): its mount stays in the mount table, and every access
     * through it fails with ENOTCONN, as when the client crashes. {@link #remount} brings it back.
     */
    public void killClient(int index) {
        Node node = nodes.get(index);
        ProcessHandle client = fuseClient(node.mount).orElseThrow(
                () -> new IllegalStateException("no FUSE client serves " + node.mount));
        client.destroyForcibly();
        await("FUSE client " + client.pid() + " gone", () -> !client.isAlive());
    }

    /** Unmounts node {@code index}'s mount (lazily if its client is dead) and mounts the volume there again. */
    public void remount(int index) {
        Node node = nodes.get(index);
        unmount(node.mount);
        mounted.remove(node.mount);
        mountOn(node);
    }

    /** Restarts every brick that is down ({@code volume start force}), and waits until all are up. */
    public void startBricks() {
        succeed(nodes.getFirst(), "volume", "start", VOLUME, "force");
        awaitBricksOnline();
    }

    /** Asks the self-heal daemons to heal now ({@code volume heal}), retried while they are still attaching. */
    public void heal() {
        await("volume heal accepted", () -> cli(nodes.getFirst(), "volume", "heal", VOLUME).succeeded());
    }

    private void awaitBricksOnline() {
        await("every brick of " + VOLUME + " online", () -> nodes.stream().allMatch(node -> brickPid(node).isPresent()));
    }

    /** The pid of {@code node}'s brick process if glusterd reports it online. */
    private OptionalLong brickPid(Node node) {
        Command status = cli(nodes.getFirst(), "volume", "status", VOLUME, "--xml");
        if (!status.succeeded()) {
            return OptionalLong.empty();
        }
        try {
            Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(status.output().getBytes(StandardCharsets.UTF_8)));
            NodeList entries = xml.getElementsByTagName("node");
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                if (text(entry, "hostname").equals(node.address) && text(entry, "path").equals(node.brick.toString())) {
                    return text(entry, "status").equals("1") ? OptionalLong.of(Long.parseLong(text(entry, "pid")))
                            : OptionalLong.empty();
                }
            }
            return OptionalLong.empty();
        } catch (Exception unreadable) {
            return OptionalLong.empty();
        }
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }

    private static Command cli(Node node, String... arguments) {
        List<String> command = new ArrayList<>(List.of("gluster", "--mode=script", "--glusterd-sock=" + node.socket));
        command.addAll(List.of(arguments));
        return Command.run(COMMAND_TIMEOUT, command);
    }

    private static String succeed(Node node, String... arguments) {
        Command run = cli(node, arguments);
        if (!run.succeeded()) {
            throw new IllegalStateException(run.describe());
        }
        return run.output();
    }

    private static long count(String text, String line) {
        return text.lines().filter(candidate -> candidate.strip().equals(line)).count();
    }

    /**
     * Stops every process of the cluster by its pid and unmounts every mount: the FUSE clients, then the
     * mounts, the bricks and self-heal daemons (their pid files), the glusterds; then the bricks' tmpfs.
     * Each step runs even when one before it failed.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // the FUSE clients go first, by SIGKILL: a client that hangs (GlusterFS 10.3's did once after a brick
        // filled up) blocks every call on its mount, even the fork behind the umount below (the child closes
        // the JVM's open file on the mount); killed, those calls fail with ENOTCONN and the mount comes off
        mounted.stream().flatMap(mount -> fuseClient(mount).stream()).forEach(client -> {
            client.destroyForcibly();
            client.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(stillAlive -> client).join();
        });
        mounted.forEach(GlusterCluster::unmount);
        if (!nodes.isEmpty() && nodes.getFirst().glusterd.isAlive()) {
            cli(nodes.getFirst(), "volume", "stop", VOLUME);
        }
        for (Node node : nodes) {
            daemonPids(node).forEach(pid -> ProcessHandle.of(pid).ifPresent(GlusterCluster::stop));
            stop(node.glusterd.toHandle());
            node.disk.close();
        }
        try {
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // this is the hook
        }
    }

    private static void unmount(Path mount) {
        if (!Command.run(COMMAND_TIMEOUT, List.of("umount", mount.toString())).succeeded()) {
            Command.run(COMMAND_TIMEOUT, List.of("umount", "-l", mount.toString()));
        }
    }

    /** The brick and self-heal daemons glusterd started for {@code node}, from their pid files. */
    private static List<Long> daemonPids(Node node) {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(node.runDirectory())) {
            return pids;
        }
        try (Stream<Path> files = Files.walk(node.runDirectory())) {
            for (Path pidFile : files.filter(file -> file.toString().endsWith(".pid")).toList()) {
                String text = Files.readString(pidFile).strip();
                if (text.matches("[0-9]+")) {
                    pids.add(Long.parseLong(text));
                }
            }
        } catch (IOException e) {
            // a daemon that left no readable pid file stopped with volume stop
        }
        return pids;
    }

    /** The FUSE client process serving {@code mount}: {@code glusterfs --process-name fuse ... <mount>}, read from /proc. */
    private static Optional<ProcessHandle> fuseClient(Path mount) {
        return ProcessHandle.allProcesses().filter(process -> {
            List<String> arguments = commandLine(process.pid());
            return !arguments.isEmpty() && arguments.getFirst().endsWith("glusterfs")
                    && arguments.contains("fuse") && arguments.getLast().equals(mount.toString());
        }).findFirst();
    }

    private static List<String> commandLine(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\0"));
        } catch (IOException | UncheckedIOException gone) {
            return List.of();
        }
    }

    private static void stop(ProcessHandle process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception stillAlive) {
            process.destroyForcibly();
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the test's own checks
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        await(what, WAIT, condition);
    }

    private static void await(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + within + ": " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
