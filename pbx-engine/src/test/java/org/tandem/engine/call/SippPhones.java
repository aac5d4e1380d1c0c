package org.tandem.engine.call;

import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sipp.Sipp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    /** Runs caller scenario {@code scenario}: {@code caller} of {@code domain} dials {@code dialled}. */
    Sipp.Run call(String scenario, String caller, String domain, String dialled) throws Exception {
        return Sipp.run("/sipp/call/" + scenario, enginePort, transport, 1, FreePorts.udpAndTcp(),
                List.of("SEQUENTIAL", caller + ";" + domain + ";" + credentials(caller, domain) + ";" + dialled),
                "-auth_uri", dialled + "@" + domain);
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
