package org.tandem.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noConstructors;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout rules every module's main classes keep (docs/adr/0020). The classes come from each module the
 * parent POM lists, so a module added there is checked without touching this test; a module without
 * compiled classes fails here rather than pass unread.
 */
class ArchitectureTest {

    /** Modules with no Java classes of their own (the EAR) or that hold these rules. */
    private static final List<String> WITHOUT_CLASSES = List.of("ear", "architecture");

    private static JavaClasses tandem;

    @BeforeAll
    static void importEveryModule() throws IOException {
        Path root = Path.of(System.getProperty("tandem.source.root", ".."));
        List<Path> folders = new ArrayList<>();
        for (String module : modules(root.resolve("pom.xml"))) {
            if (WITHOUT_CLASSES.contains(module)) {
                continue;
            }
            Path classes = root.resolve(module).resolve("target/classes/org/tandem");
            assertThat(classes).as("compiled classes of module %s (build it first)", module).isDirectory();
            folders.add(classes.getParent().getParent());
        }
        tandem = new ClassFileImporter().importPaths(folders);
    }

    private static List<String> modules(Path parentPom) throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(parentPom));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1));
        }
        assertThat(modules).as("modules of %s", parentPom).isNotEmpty();
        return modules;
    }

    @Test
    void noPackageCycle() {
        slices().matching("org.tandem.(**)").should().beFreeOfCycles().check(tandem);
    }

    /** The SIP engine runs in plain tests and tools; only its lifecycle package is the EE wiring. */
    @Test
    void engineCoreImportsNoJakartaEe() {
        noClasses().that().resideInAPackage("org.tandem.engine..")
                .and().resideOutsideOfPackage("org.tandem.engine.lifecycle..")
                .should().dependOnClassesThat().resideInAPackage("jakarta..")
                .check(tandem);
    }

    /**
     * The media engine is plain Java SE like the engine's core, and sits beside it: no Jakarta EE, and
     * nothing of ours but the domain, so the engine (or a separate media process) can take it as it is.
     */
    @Test
    void mediaKnowsNoJakartaEeAndNoModuleButTheDomain() {
        noJakartaEeAndOfTandemOnly("org.tandem.media", "org.tandem.domain");
    }

    /** The portal and the API reach data through the domain's interfaces and the administration services. */
    @Test
    void portalAndApiReachNoStorage() {
        noClasses().that().resideInAnyPackage("org.tandem.portal..", "org.tandem.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tandem.storage..", "org.tandem.cluster..")
                .check(tandem);
    }

    /**
     * The domain is the innermost layer: it knows no other module and no runtime. Its entities carry
     * JPA's mapping annotations (jakarta.persistence), the one part of Jakarta EE it may name.
     */
    @Test
    void domainDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("org.tandem.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tandem.storage..", "org.tandem.cluster..",
                        "org.tandem.engine..", "org.tandem.router..", "org.tandem.administration..",
                        "org.tandem.portal..", "org.tandem.api..")
                .orShould().dependOnClassesThat(JAKARTA_EE_BESIDES_PERSISTENCE)
                .check(tandem);
    }

    /**
     * The HTTP edge is a server module outside the EAR: it sees no class of the applications (their
     * class loaders are not its own) and no Jakarta EE, only Undertow.
     */
    @Test
    void edgeKnowsNothingButUndertow() {
        noJakartaEeAndOfTandemOnly("org.tandem.edge");
    }

    /**
     * The cluster's files are plain java.nio over a folder, for the media code and its plain tests: no
     * Jakarta EE, and of Tandem only the domain's settings.
     */
    @Test
    void filesKnowNothingButTheDomain() {
        noJakartaEeAndOfTandemOnly("org.tandem.files", "org.tandem.domain");
    }

    /**
     * Voicemail mail is plain Java SE with Jakarta Mail as a library (Angus sends it), so the engine can
     * call it from its core: no other Jakarta API, and of Tandem only the domain and the files.
     */
    @Test
    void notificationKnowsNoJakartaEeButMail() {
        List<String> allowed = List.of("org.tandem.notification", "org.tandem.domain", "org.tandem.files");
        noClasses().that().resideInAPackage("org.tandem.notification..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are Jakarta EE besides Mail and Activation",
                        type -> type.getPackageName().startsWith("jakarta.")
                                && !type.getPackageName().startsWith("jakarta.mail")
                                && !type.getPackageName().startsWith("jakarta.activation")))
                .orShould().dependOnClassesThat(inTandemModulesBut(allowed))
                .check(tandem);
    }

    /** Classes in {@code module}'s packages use no Jakarta EE, and of Tandem only that module and {@code others}. */
    private static void noJakartaEeAndOfTandemOnly(String module, String... others) {
        List<String> allowed = new ArrayList<>(List.of(others));
        allowed.add(module);
        noClasses().that().resideInAPackage(module + "..")
                .should().dependOnClassesThat().resideInAPackage("jakarta..")
                .orShould().dependOnClassesThat(inTandemModulesBut(allowed))
                .check(tandem);
    }

    private static DescribedPredicate<JavaClass> inTandemModulesBut(List<String> allowed) {
        return DescribedPredicate.describe("are in another Tandem module than " + allowed,
                type -> type.getPackageName().startsWith("org.tandem.")
                        && allowed.stream().noneMatch(type.getPackageName()::startsWith));
    }

    /**
     * A bean the container proxies or intercepts takes its dependencies in {@code @Inject} fields, so it
     * needs no injecting constructor beside the no-arg one its proxy uses (ADR 0032).
     */
    @Test
    void proxiedBeansTakeTheirDependenciesInFields() {
        noConstructors().that().areDeclaredInClassesThat(PROXIED_BEANS).should().beAnnotatedWith("jakarta.inject.Inject")
                .check(tandem);
    }

    private static final List<String> PROXYING_ANNOTATIONS = List.of("jakarta.enterprise.context.ApplicationScoped",
            "jakarta.enterprise.context.RequestScoped", "jakarta.enterprise.context.SessionScoped",
            "jakarta.transaction.Transactional", "jakarta.ejb.Singleton", "jakarta.ejb.Stateless");

    private static final DescribedPredicate<JavaClass> PROXIED_BEANS = DescribedPredicate.describe(
            "are normal-scoped, transactional or session beans",
            type -> PROXYING_ANNOTATIONS.stream().anyMatch(type::isAnnotatedWith));

    private static final DescribedPredicate<JavaClass> JAKARTA_EE_BESIDES_PERSISTENCE =
            DescribedPredicate.describe("are in Jakarta EE other than jakarta.persistence",
                    type -> type.getPackageName().startsWith("jakarta.")
                            && !type.getPackageName().startsWith("jakarta.persistence"));
}
