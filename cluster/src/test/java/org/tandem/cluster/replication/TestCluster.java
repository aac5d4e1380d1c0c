package org.tandem.cluster.replication;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * The test nodes of one test class (or of one test), each in a folder of its own, all stopped and their
 * folders removed when the class (or the test) ends, the last started first. Register it with
 * {@code @RegisterExtension}: static with {@link #perClass()}, on an instance field with {@link #perTest()}.
 */
public final class TestCluster implements AfterEachCallback, AfterAllCallback {

    private final boolean perTest;
    private final Deque<TestNode> started = new ArrayDeque<>();
    private Path folder;

    private TestCluster(boolean perTest) {
        this.perTest = perTest;
    }

    /** Nodes shared by the tests of a class, stopped after the last. */
    public static TestCluster perClass() {
        return new TestCluster(false);
    }

    /** Nodes of one test, stopped after it. */
    public static TestCluster perTest() {
        return new TestCluster(true);
    }

    /** Starts a node that founds a cluster (or stands alone until another joins through it). */
    public TestNode start(String name, String host) throws SQLException {
        return started(TestNode.start(folder(), name, host));
    }

    /** Starts a node that joins the cluster through {@code seed}. */
    public TestNode join(String name, String host, TestNode seed) throws SQLException {
        return started(TestNode.startJoining(folder(), name, host, seed));
    }

    private TestNode started(TestNode node) {
        started.push(node);
        return node;
    }

    private Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("tandem-cluster");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        while (!started.isEmpty()) {
            started.pop().close();
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            folder = null;
        }
    }
}
