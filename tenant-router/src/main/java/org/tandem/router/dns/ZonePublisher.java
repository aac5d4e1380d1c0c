package org.tandem.router.dns;

import org.tandem.router.dns.RecordChanges.NameChange;
import org.xbill.DNS.Record;
import org.xbill.DNS.Update;

import java.util.List;

/**
 * Makes the records Tandem owns in a zone (see {@link ZoneNames#isTandems}) exactly the wanted ones:
 * reads the zone by transfer, sends only the difference as RFC 2136 updates, and leaves every other
 * record alone. Nothing is remembered between runs but the last serial, so any node can publish,
 * after any restart, and nodes publishing the same layout at once do no harm (deleting what is
 * already gone and adding what is already there are no-ops in RFC 2136).
 */
public final class ZonePublisher {

    /** Records per update message: about 15 KB of SRV records, far below the 64 KB a message over TCP holds. */
    static final int MAX_RECORDS_PER_UPDATE = 200;

    private final ZoneClient client;
    private final ZoneNames names;
    private static final long UNKNOWN = -1;

    private long lastSerial = UNKNOWN;
    private List<Record> lastPublished = List.of();

    public ZonePublisher(ZoneClient client, ZoneNames names) {
        if (!client.zone().equals(names.zone())) {
            throw new IllegalArgumentException("the client serves zone " + client.zone() + ", not " + names.zone());
        }
        this.client = client;
        this.names = names;
    }

    /** What one run did: records added and deleted, update messages sent, and the zone's serial after. */
    public record Publication(int added, int deleted, int updates, long serial) {

        public boolean changedTheZone() {
            return updates > 0;
        }
    }

    public synchronized Publication publish(List<Record> wanted) {
        wanted.stream().filter(record -> !names.isTandems(record)).findFirst().ifPresent(record -> {
            // the next run would not see it as Tandem's, so could never correct or remove it
            throw new IllegalArgumentException("not a record Tandem may own in zone " + names.zone() + ": " + record);
        });
        long serial = client.serial();
        // Nobody changed the zone since this publisher left it right, and the cluster wants the same: no transfer.
        if (serial == lastSerial && RecordChanges.between(lastPublished, wanted).isEmpty()) {
            return new Publication(0, 0, 0, serial);
        }
        List<Record> current = client.transfer().stream().filter(names::isTandems).toList();
        RecordChanges changes = RecordChanges.between(current, wanted);
        List<List<NameChange>> batches = changes.batches(MAX_RECORDS_PER_UPDATE);
        for (List<NameChange> batch : batches) {
            client.update(update(batch));
        }
        lastPublished = List.copyOf(wanted);
        if (batches.isEmpty()) {
            lastSerial = serial;
            return new Publication(0, 0, 0, serial);
        }
        // someone else may change the zone between our last update and any read of the serial, so
        // the next round checks by transfer once more rather than trust the serial read now
        lastSerial = UNKNOWN;
        return new Publication(changes.additions(), changes.deletions(), batches.size(), client.serial());
    }

    private Update update(List<NameChange> batch) {
        Update update = new Update(names.zone());
        for (NameChange change : batch) {
            change.deletions().forEach(update::delete);
            change.additions().forEach(update::add);
        }
        return update;
    }
}
