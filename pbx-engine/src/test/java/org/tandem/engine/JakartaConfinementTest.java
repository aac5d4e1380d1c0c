package org.tandem.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine core must start in plain Java, so only the lifecycle package may touch Jakarta EE. The
 * rule is checked on the compiled classes, whose constant pools name every type a class uses (imports,
 * fully qualified names and annotations alike).
 */
class JakartaConfinementTest {

    private static final String LIFECYCLE_PACKAGE = "org/tandem/engine/lifecycle/";

    @Test
    void onlyTheLifecyclePackageReferencesJakarta() {
        Map<String, List<String>> offenders = new TreeMap<>(jakartaReferences(mainClasses()));
        offenders.keySet().removeIf(classFile -> classFile.startsWith(LIFECYCLE_PACKAGE));
        assertThat(offenders)
                .as("classes outside %s that reference jakarta.*: move the EE part into the lifecycle package",
                        LIFECYCLE_PACKAGE)
                .isEmpty();
    }

    @Test
    void theScanSeesJakartaWhereItIs() {
        // Without this, a scan that finds nothing would pass the rule above forever.
        assertThat(jakartaReferences(mainClasses()))
                .hasEntrySatisfying(LIFECYCLE_PACKAGE + "EngineLifecycle.class", names -> assertThat(names)
                        .anySatisfy(name -> assertThat(name).contains("jakarta/ejb/Singleton"))
                        .anySatisfy(name -> assertThat(name).contains("jakarta/annotation/PostConstruct")));
    }

    /** Class file (relative path) to the jakarta names in its constant pool, for classes that have any. */
    private static Map<String, List<String>> jakartaReferences(Path classesRoot) {
        Map<String, List<String>> references = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classesRoot)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(classFile -> {
                List<String> names = jakartaNames(classFile);
                if (!names.isEmpty()) {
                    references.put(classesRoot.relativize(classFile).toString().replace('\\', '/'), names);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return references;
    }

    private static List<String> jakartaNames(Path classFile) {
        try {
            List<String> names = new ArrayList<>();
            for (PoolEntry entry : ClassFile.of().parse(Files.readAllBytes(classFile)).constantPool()) {
                if (entry instanceof Utf8Entry utf8 && utf8.stringValue().contains("jakarta/")) {
                    names.add(utf8.stringValue());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** target/classes: where SipEngine was loaded from, not the test classes. */
    private static Path mainClasses() {
        try {
            return Path.of(SipEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
