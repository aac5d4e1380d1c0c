package org.tandem.ear;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;

/** The EAR exactly as the build made it, optionally with a module of in-server tests added. */
final class TandemEar {

    private TandemEar() {
    }

    static EnterpriseArchive asBuilt() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("tandem.ear")));
    }

    static EnterpriseArchive withInServerTests(Class<?>... testClasses) {
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "tandem-it.war")
                .addClasses(testClasses)
                // the test-support classes the client-side helpers name, which the server loads with them
                .addPackages(true, "org.tandem.testsupport")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(jarOf(org.assertj.core.api.Assertions.class));
        return asBuilt().addAsModule(Testable.archiveToTest(tests));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
