package org.tandem.engine;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import org.tandem.domain.throttle.FailureThrottle;
import org.tandem.engine.accounts.CachedSipAccounts;
import org.tandem.engine.auth.DigestAuthentication;
import org.tandem.engine.call.CallAdmission;
import org.tandem.engine.call.CallCountSharing;
import org.tandem.engine.call.CallHandlers;
import org.tandem.engine.call.CallsInProgress;
import org.tandem.domain.registration.RegistrationRepository;
import org.tandem.engine.location.ClusterBindings;
import org.tandem.engine.location.NodeBindings;
import org.tandem.engine.options.OptionsResponder;
import org.tandem.engine.overload.LoadShedding;
import org.tandem.engine.overload.UdpBacklog;
import org.tandem.engine.registrar.Registrar;
import org.tandem.engine.registrar.RegistrationCleanup;
import org.tandem.engine.routing.MethodNotAllowedResponder;
import org.tandem.engine.routing.RequestRouter;
import org.tandem.engine.routing.SanityCheck;
import org.tandem.engine.services.EngineServices;
import org.tandem.engine.sip.BoundedTcpProcessor;
import org.tandem.engine.sip.BranchMatchedStack;
import org.tandem.engine.sip.Capabilities;
import org.tandem.engine.sip.OneBufferUdpProcessor;
import org.tandem.engine.sip.Replies;
import org.tandem.engine.sip.StrictMessageParser;
import org.tandem.engine.writebehind.BatchedActiveCalls;
import org.tandem.engine.writebehind.BatchedCallRecords;

import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One SIP node: a JAIN-SIP stack listening on UDP and TCP at the configured address and port, with
 * every request handed to the {@link RequestRouter} unless {@link LoadShedding} refuses it first,
 * and the periodic cleanup of this node's expired registrations. In front of the services it puts
 * a working copy of this node's bindings ({@link NodeBindings}), a cache of SIP accounts
 * ({@link CachedSipAccounts}), call records and the calls up now written behind ({@link BatchedCallRecords},
 * {@link BatchedActiveCalls}). It can be
 * stopped and started again; each start builds a fresh stack (and a fresh nonce secret) and loads
 * the bindings again from where {@link EngineServices} keeps them, to which a stop writes them all.
 */
public final class SipEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SipEngine.class.getName());
    /**
     * TCP first: its socket is bound when its listening point starts, so a taken TCP port fails before
     * any UDP thread exists; a UDP socket is bound before its listening point is registered, so a
     * taken UDP port leaves nothing half-made behind.
     */
    private static final List<String> TRANSPORTS = List.of(ListeningPoint.TCP, ListeningPoint.UDP);
    /**
     * Every stack in the JVM gets its own name: JAIN-SIP names its threads and its log4j category
     * after it, and {@link #awaitUdpWorkers} finds this stack's threads by it.
     */
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final EngineSettings settings;
    private final EngineServices services;
    private Running running;

    /**
     * What a started engine holds: the stack, and what it puts in front of the services: this node's
     * bindings in memory (written behind to the database), the cache of SIP accounts with its feed
     * of changes, the feed of the cluster's binding changes, the call records written behind, the
     * periodic cleanup of expired bindings, the calls up per tenant shared with the cluster, the
     * probe that tells whether the database answers, and what a stop needs: the load shedding that
     * then refuses new work, and the calls in progress.
     */
    private record Running(BranchMatchedStack stack, NodeBindings bindings, AutoCloseable accountNews,
                           AutoCloseable accountRefresh, AutoCloseable bindingNews, BatchedCallRecords callRecords,
                           BatchedActiveCalls activeCalls, RegistrationCleanup cleanup, CallCountSharing callCounts,
                           DatabaseHealth health, LoadShedding shedding, CallsInProgress calls) {
    }

    /** An engine that serves no SIP domain yet ({@link EngineServices#withoutAccounts()}). */
    public SipEngine(EngineSettings settings) {
        this(settings, EngineServices.withoutAccounts());
    }

    public SipEngine(EngineSettings settings, EngineServices services) {
        this.settings = settings;
        this.services = services;
    }

    public EngineSettings settings() {
        return settings;
    }

    public EngineServices services() {
        return services;
    }

    /**
     * Loads this node's bindings, creates the stack and binds UDP and TCP.
     *
     * @throws IllegalStateException if already running
     * @throws EngineStartException  if the bindings cannot be loaded, the stack cannot be created or a
     *                               port cannot be bound; nothing is left open
     */
    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("SIP engine " + settings.nodeName() + " is already running");
        }
        String stackName = "tandem-" + settings.nodeName() + "-" + STACKS.incrementAndGet();
        EngineSettings.LoadTuning load = settings.load();
        // the database's own view of this node's bindings: a query that needs the database, and is cheap
        DatabaseHealth health = DatabaseHealth.watch(
                () -> services.registrations().countActive(services.nodeId(), services.clock().instant()),
                Duration.ofSeconds(1), stackName + "-database-health");
        // other nodes' bindings kept in memory while the feed tells of their changes (cluster only)
        RegistrationRepository database = services.registrations();
        AutoCloseable bindingNews = () -> { };
        if (services.peers().bindingChanges().isPresent()) {
            ClusterBindings cluster = new ClusterBindings(database);
            bindingNews = services.peers().bindingChanges().get().start(cluster);
            database = cluster;
        }
        NodeBindings bindings;
        try {
            bindings = NodeBindings.load(database, services.nodeId(), services.clock().instant(),
                    load.bindings(), health::reachable);
        } catch (RuntimeException e) {
            closeQuietly(e, bindingNews, health);
            throw new EngineStartException("cannot load the bindings of node " + settings.nodeName(), e);
        }
        BatchedCallRecords callRecords;
        BatchedActiveCalls activeCalls;
        try {
            callRecords = new BatchedCallRecords(services.callRecords(), load.callRecords(), settings.spoolDirectory());
        } catch (RuntimeException e) {
            EngineStartException failure = new EngineStartException("cannot read the spool of node "
                    + settings.nodeName(), e);
            closeQuietly(failure, bindings, bindingNews, health);
            throw failure;
        }
        try {
            // the records an earlier run spooled first: a call it left listed is recorded as cut off only without one
            if (!callRecords.awaitWritten(load.callRecords().closeTimeout())) {
                throw new IllegalStateException("the call records an earlier run left in the spool cannot be written");
            }
            activeCalls = BatchedActiveCalls.start(services.activeCalls(), services.nodeId(), BatchedActiveCalls.DEFAULT,
                    settings.spoolDirectory());
        } catch (RuntimeException e) {
            EngineStartException failure = new EngineStartException(
                    "cannot remove the calls an earlier run of node " + settings.nodeName() + " left listed", e);
            closeQuietly(failure, callRecords, bindings, bindingNews, health);
            throw failure;
        }
        CachedSipAccounts accounts = new CachedSipAccounts(services.accounts(), load.accounts());
        // the feed reads every account as soon as it listens, the refresh every minute after
        AutoCloseable accountNews = services.accountChanges().start(accounts);
        AutoCloseable accountRefresh = accounts.refreshPeriodically(stackName + "-account-refresh");
        EngineServices inFront = services.withAccounts(accounts).withRegistrations(bindings)
                .withCallRecords(callRecords).withActiveCalls(activeCalls);
        CallAdmission admission = new CallAdmission(services.clock());
        BranchMatchedStack newStack = null;
        LoadShedding shedding;
        CallHandlers callHandlers;
        try {
            // Created directly, not through SipFactory, which keeps every stack it made for the JVM's life.
            newStack = new BranchMatchedStack(StackProperties.of(settings, stackName));
            // Given as an instance, not named in the properties: the stack would load a named
            // factory with Class.forName from its own class loader, which depends on packaging.
            newStack.setMessageParserFactory(StrictMessageParser.FACTORY);
            int workers = settings.tuning().threadPoolSize();
            newStack.setMessageProcessorFactory(BoundedTcpProcessor.factory(load.tcp(), workers, stackName,
                    OneBufferUdpProcessor.factory(workers, load.tcp().maxMessageBytes())));
            Replies replies = newReplies();
            shedding = new LoadShedding(load.shedding(), replies, callRecords::isBacklogged);
            // before any listening point exists: the stack's threads read this list without a lock
            newStack.sipMessageValves.add(shedding);
            AddressFactoryImpl addresses = new AddressFactoryImpl();
            // One count of failed authentications for REGISTER and INVITE alike.
            FailureThrottle throttle = new FailureThrottle("REGISTER and INVITE", inFront.registrar().throttle(),
                    inFront.clock());
            Set<String> nodeHosts = Set.of(settings.bindAddress());
            callHandlers = CallHandlers.of(replies, addresses, inFront, new DigestAuthentication(
                    DigestAuthentication.Role.PROXY, replies, addresses, inFront.accounts(), throttle, nodeHosts,
                    inFront.clock()), admission);
            Registrar registrar = new Registrar(replies, addresses, inFront, new DigestAuthentication(
                    DigestAuthentication.Role.REGISTRAR, replies, addresses, inFront.accounts(), throttle, nodeHosts,
                    inFront.clock()));
            listen(newStack).addSipListener(new RequestRouter(replies, new SanityCheck(replies),
                    new OptionsResponder(replies), registrar, callHandlers,
                    new MethodNotAllowedResponder(replies)));
            shedding.watch(UdpBacklog.of(newStack)::oldestWaitMillis);
            newStack.start();
            awaitUdpWorkers(stackName, settings.tuning().threadPoolSize());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            EngineStartException failure = new EngineStartException("cannot listen for SIP on "
                    + settings.bindAddress() + ":" + settings.port() + " (UDP and TCP)", e);
            if (newStack != null) {
                try {
                    newStack.release();
                } catch (RuntimeException releaseFailure) {
                    failure.addSuppressed(releaseFailure);
                }
            }
            closeQuietly(failure, callRecords, activeCalls, bindings, accountRefresh, accountNews, bindingNews, health);
            throw failure;
        }
        running = new Running(newStack, bindings, accountNews, accountRefresh, bindingNews, callRecords, activeCalls,
                RegistrationCleanup.every(services.registrar().cleanupPeriod(), bindings, services.nodeId(),
                        services.clock(), stackName + "-registration-cleanup"),
                CallCountSharing.start(admission, services.peers().callCounts(), services.nodeId(), services.clock(),
                        stackName + "-call-counts"), health, shedding, callHandlers.inProgress());
    }

    private void giveCallsTheirGrace(CallsInProgress calls) {
        int up = calls.count();
        if (up == 0) {
            return;
        }
        Duration grace = services.calls().stopGrace();
        LOG.log(System.Logger.Level.INFO, "SIP engine {0} stops: its {1} call(s) up get up to {2} s to end; new calls"
                + " and registrations get 503", settings.nodeName(), up, grace.toSeconds());
        try {
            calls.awaitEnded(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes each of {@code parts}, adding what fails to {@code failure}. */
    private static void closeQuietly(Exception failure, AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** One provider for both transports, so a handler can answer over whichever a request came in on. */
    private SipProvider listen(SipStackImpl newStack) throws Exception {
        List<ListeningPoint> points = new ArrayList<>();
        for (String transport : TRANSPORTS) {
            points.add(newStack.createListeningPoint(settings.bindAddress(), settings.port(), transport));
        }
        SipProvider provider = newStack.createSipProvider(points.getFirst());
        for (ListeningPoint point : points.subList(1, points.size())) {
            provider.addListeningPoint(point);
        }
        return provider;
    }

    /**
     * JAIN-SIP starts its UDP worker threads from the UDP reader thread, after the listening point is
     * made; a stop() before they exist throws and leaks them. So start() returns only once the last
     * one, named after the stack, runs.
     */
    private static void awaitUdpWorkers(String stackName, int workers) throws InterruptedException, TimeoutException {
        String lastWorker = stackName + "-UDPMessageChannelThread-" + (workers - 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(lastWorker))) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("UDP worker threads of " + stackName + " did not start");
            }
            Thread.sleep(5);
        }
    }

    private static Replies newReplies() throws ParseException {
        HeaderFactoryImpl headers = new HeaderFactoryImpl();
        MessageFactoryImpl messages = new MessageFactoryImpl();
        // A static field in JAIN-SIP: it also puts "Server: Tandem" on the responses the stack makes by itself (400).
        messages.setDefaultServerHeader(headers.createServerHeader(List.of(Capabilities.PRODUCT)));
        return new Replies(messages, headers);
    }

    /**
     * Stops the node's SIP service. From the first moment every REGISTER and new INVITE gets 503, so
     * phones turn to the pool's other node; the calls up get the policy's stop grace to end by
     * themselves, and the rest are ended (CANCEL and 503 while ringing, BYE on both legs once
     * answered) and recorded. Then the stack stops, closing both ports and its threads, and what
     * this node's bindings, call records and calls up still owe the database is written. Does
     * nothing if not running. Takes the grace (only while calls are up) and about a second: JAIN-SIP
     * waits that long for in-flight messages.
     */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        Running stopping = running;
        running = null;
        stopping.shedding().nodeStopping();
        giveCallsTheirGrace(stopping.calls());
        stopping.calls().endAll();
        stopping.cleanup().close();
        stopping.callCounts().close();
        stopping.health().close();
        try {
            stopping.stack().release();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "SIP engine " + settings.nodeName() + " did not stop cleanly", e);
        }
        // a call that got past the load shedding as the stop began: ended and recorded all the same
        stopping.calls().endAll();
        stopping.calls().close();
        stopping.callRecords().close();
        stopping.activeCalls().close();
        stopping.bindings().close();
        try {
            stopping.accountRefresh().close();
            stopping.accountNews().close();
            stopping.bindingNews().close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "SIP engine " + settings.nodeName()
                    + " could not stop listening to account and binding changes", e);
        }
    }

    /**
     * Waits, for at most {@code timeout} each, until the binding changes, call records and active calls of this
     * engine so far are in the database; whether they are. A running engine writes them within
     * milliseconds anyway: this is for whoever reads the database right after (tests, a drain).
     */
    public boolean awaitWritten(Duration timeout) {
        Running now;
        synchronized (this) {
            now = running;
        }
        return now == null || now.bindings().awaitWritten(timeout) && now.callRecords().awaitWritten(timeout)
                && now.activeCalls().awaitWritten(timeout);
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /** Where the engine listens, as SIP URIs, e.g. {@code sip:127.0.0.1:5060;transport=udp}; empty when stopped. */
    public synchronized List<String> listeningOn() {
        if (running == null) {
            return List.of();
        }
        String address = settings.bindAddress();
        String host = address.contains(":") ? "[" + address + "]" : address;
        return TRANSPORTS.stream()
                .map(t -> "sip:" + host + ":" + settings.port() + ";transport=" + t.toLowerCase(Locale.ROOT))
                .toList();
    }

    @Override
    public void close() {
        stop();
    }
}
