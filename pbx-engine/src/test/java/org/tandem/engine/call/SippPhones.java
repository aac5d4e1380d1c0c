package org.tandem.engine.call;

import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sipp.Sipp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.testsupport.database.ExtensionRow.defaultPassword;

/**
 * SIPp phones for call tests: a phone that registers an extension and then takes the engine's call
 * in an out-of-call scenario, and a caller that authenticates its INVITE. Both real SIPp processes
 * on loopback, over UDP or TCP.
 */
final class SippPhones {

    private final int enginePort;
    private final RegistrarDatabase db;
    private final String transport;

    /** Phones over UDP. */
    SippPhones(int enginePort, RegistrarDatabase db) {
        this(enginePort, db, "u1");
    }

    /** @param transport sipp's {@code -t}: {@code u1} (UDP) or {@code t1} (TCP, one connection) */
    SippPhones(int enginePort, RegistrarDatabase db, String transport) {
        this.enginePort = enginePort;
        this.db = db;
        this.transport = transport;
    }

    /**
     * Starts a phone that registers {@code number} of {@code domain}, stays up {@code upFor} and answers
     * calls with out-of-call scenario {@code oocScenario}; returns once its binding is stored.
     */
    Sipp.Running phone(String number, String domain, String oocScenario, Duration upFor, String... keys)
            throws Exception {
        int before = db.storedContacts(number, domain).size();
        List<String> arguments = new ArrayList<>(List.of("-auth_uri", domain,
                "-oocsf", Sipp.scenario("/sipp/call/" + oocScenario).toString(),
                "-d", Long.toString(upFor.toMillis())));
        arguments.addAll(List.of(keys));
        Sipp.Running phone = Sipp.start("/sipp/call/phone_register.xml", enginePort, transport, 1, FreePorts.udpAndTcp(),
                List.of("SEQUENTIAL", number + ";" + domain + ";" + credentials(number, domain)),
                arguments.toArray(String[]::new));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (db.storedContacts(number, domain).size() <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("phone " + number + "@" + domain + " did not register: "
                        + phone.await().describe());
            }
            Thread.sleep(20);
        }
        return phone;
    }

    /** Starts a phone that rings until cancelled, up for {@code upFor}; it marks the CANCEL it gets. */
    MarkingPhone phoneThatRings(String number, String domain, Duration upFor) throws Exception {
        return markingPhone(number, domain, "phone_rings.xml", "cancelled", upFor);
    }

    /** Starts a phone that must not be rung, up for {@code upFor}; it marks any INVITE it gets. */
    MarkingPhone phoneThatMustNotRing(String number, String domain, Duration upFor) throws Exception {
        return markingPhone(number, domain, "phone_must_not_ring.xml", "invited", upFor);
    }

    /** A phone running a scenario that creates the file {@code key} names when that happens to it. */
    private MarkingPhone markingPhone(String number, String domain, String oocScenario, String key, Duration upFor)
            throws Exception {
        Path marker = marker(key);
        return new MarkingPhone(phone(number, domain, oocScenario, upFor, "-key", key, marker.toString()), marker);
    }

    /** A phone, and the file its scenario creates when what it watches for happens. */
    record MarkingPhone(Sipp.Running phone, Path marker) {

        /** Waits until the phone's scenario has passed and asserts the mark; {@code marked} says what it means. */
        void assertPassedAndMarked(String marked) throws Exception {
            phone.await().assertPassed();
            assertThat(marker).as(marked).exists();
        }

        /** Waits until the phone is down and asserts there is no mark; {@code marked} says what one would mean. */
        void assertNeverMarked(String marked) throws Exception {
            phone.await();
            assertThat(marker).as(marked).doesNotExist();
        }
    }

    /** Runs caller scenario {@code scenario}: {@code caller} of {@code domain} dials {@code dialled}. */
    Sipp.Run call(String scenario, String caller, String domain, String dialled) throws Exception {
        return call(Sipp.scenario("/sipp/call/" + scenario), caller, domain, dialled);
    }

    /** Same, with the caller's scenario in file {@code scenario} and more sipp arguments. */
    Sipp.Run call(Path scenario, String caller, String domain, String dialled, String... more) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("-auth_uri", dialled + "@" + domain));
        arguments.addAll(List.of(more));
        return Sipp.start(scenario, enginePort, transport, 1, FreePorts.udpAndTcp(),
                List.of("SEQUENTIAL", caller + ";" + domain + ";" + credentials(caller, domain) + ";" + dialled),
                arguments.toArray(String[]::new)).await();
    }

    private static String credentials(String number, String domain) {
        return "[authentication username=" + number + " password=" + defaultPassword(number, domain) + "]";
    }

    /** A file a phone scenario creates ({@code touch}) when something happens to it. */
    static Path marker(String name) throws Exception {
        Path folder = java.nio.file.Files.createTempDirectory("sipp-marker");
        folder.toFile().deleteOnExit();
        return folder.resolve(name);
    }
}
