package org.tandem.router.dns;

import org.tandem.domain.tenant.SipDomain;
import org.tandem.router.dns.ZonePublisher.Publication;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps DNS in step with the cluster from this node: at start and then every interval, it reads the
 * cluster's layout, writes the zone file export when one is set, and publishes to the zone's server
 * when one is set. A failure is logged (once until it changes or clears) and tried again next time;
 * DNS being wrong for a while must never stop the node serving calls.
 */
public final class DnsPublishing implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DnsPublishing.class.getName());

    private final DnsSettings settings;
    private final ClusterLayouts layouts;
    private final Optional<ZonePublisher> publisher;
    private final ScheduledExecutorService schedule;
    private String lastFailure;
    private Set<SipDomain> lastOutsideZone = Set.of();

    private DnsPublishing(DnsSettings settings, ClusterLayouts layouts) {
        this.settings = settings;
        this.layouts = layouts;
        this.publisher = settings.server().map(server -> new ZonePublisher(
                new ZoneClient(settings.zone().zone(), server.address(), server.key(), DnsSettings.TIMEOUT),
                settings.zone()));
        this.schedule = Executors.newSingleThreadScheduledExecutor(
                task -> Thread.ofPlatform().daemon().name("tandem-dns").unstarted(task));
    }

    /**
     * Starts publishing as the properties say, or returns empty (and says so in the log) when they
     * set neither a server nor an export file. Settings that do not make sense throw, naming the variable.
     */
    public static Optional<DnsPublishing> start(Properties properties, ClusterLayouts layouts) {
        Optional<DnsSettings> settings = DnsSettings.from(properties);
        if (settings.isEmpty()) {
            LOG.log(Level.INFO, "DNS publishing is off: set {0} (RFC 2136 updates) or {1} (a zone file) to turn it on",
                    DnsSettings.variable(DnsSettings.SERVER), DnsSettings.variable(DnsSettings.EXPORT_FILE));
            return Optional.empty();
        }
        DnsPublishing publishing = new DnsPublishing(settings.get(), layouts);
        // numbers as text: the log's message format would print 3600 as "3,600"
        LOG.log(Level.INFO, "DNS: keeping zone {0} in step every {1} s{2}{3}", settings.get().zone(),
                String.valueOf(settings.get().interval().toSeconds()),
                settings.get().server().map(s -> ", updating " + s.host() + ":" + s.port() + " with key " + s.key())
                        .orElse(""),
                settings.get().exportFile().map(file -> ", exporting to " + file).orElse(""));
        publishing.schedule.scheduleWithFixedDelay(publishing::runLogged, 0, settings.get().interval().toMillis(),
                TimeUnit.MILLISECONDS);
        return Optional.of(publishing);
    }

    /**
     * One round now, on the caller's thread: export, then publish. Throws what went wrong
     * ({@link DnsRefusedException}, {@link DnsException}, or IllegalArgumentException for a layout DNS cannot show).
     */
    public synchronized Optional<Publication> publishNow() {
        ClusterRecords records = ClusterRecords.of(settings.zone(), settings.ttlSeconds(), layouts.current());
        reportOutsideZone(records);
        settings.exportFile().ifPresent(file -> {
            if (ZoneFileExport.writeIfChanged(file, records)) {
                LOG.log(Level.INFO, "DNS: wrote {0} records of zone {1} to {2}", String.valueOf(records.inZone().size()),
                        settings.zone(), file);
            }
        });
        return publisher.map(zone -> {
            Publication publication = zone.publish(records.inZone());
            if (publication.changedTheZone()) {
                LOG.log(Level.INFO, "DNS: zone {0} now at serial {1}: added {2} records, deleted {3}",
                        settings.zone(), String.valueOf(publication.serial()), String.valueOf(publication.added()),
                        String.valueOf(publication.deleted()));
            }
            return publication;
        });
    }

    synchronized void runLogged() {
        try {
            publishNow();
            if (lastFailure != null) {
                LOG.log(Level.INFO, "DNS: zone {0} is in step again", settings.zone());
                lastFailure = null;
            }
        } catch (RuntimeException e) {
            // every interval until it is fixed: a line each time would bury the rest of the log
            String failure = String.valueOf(e.getMessage());
            LOG.log(failure.equals(lastFailure) ? Level.DEBUG : Level.WARNING,
                    "DNS: zone {0} not brought in step (next try in {1} s): {2}", settings.zone(),
                    String.valueOf(settings.interval().toSeconds()), failure);
            lastFailure = failure;
        }
    }

    private void reportOutsideZone(ClusterRecords records) {
        Set<SipDomain> outside = records.outsideZone().keySet();
        if (!outside.isEmpty() && !outside.equals(lastOutsideZone)) {
            LOG.log(Level.WARNING, "DNS: tenant domains outside zone {0} are not published: {1}; publish their "
                    + "SRV records where those domains are served (see the zone file export)", settings.zone(), outside);
        }
        lastOutsideZone = Set.copyOf(outside);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
