package org.tandem.engine;

import org.tandem.engine.voicemail.Voicemail;
import org.tandem.files.SharedFiles;
import org.tandem.media.endpoint.MediaEngine;

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
import org.tandem.engine.mwi.MessageWaitingLamps;
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
import java.net.InetAddress;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

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
     * What a started engine holds: its parts, and those of them that {@link #awaitWritten} reads.
     */
    private record Running(Assembly parts, NodeBindings bindings, Spool spool, MessageWaitingLamps lamps) {
    }

    /** The other nodes' bindings (kept while the feed tells of their changes), or the database alone. */
    private record Bindings(RegistrationRepository repository, AutoCloseable news) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            news.close();
        }
    }

    /**
     * The call records and the calls up written behind; the records stop first, so a call is never
     * left without a record and unlisted.
     */
    private record Spool(BatchedCallRecords callRecords, BatchedActiveCalls activeCalls) implements AutoCloseable {
        @Override
        public void close() {
            callRecords.close();
            activeCalls.close();
        }
    }

    /** The SIP accounts cached, kept fresh by the feed of their changes and by a periodic refresh. */
    private record Accounts(CachedSipAccounts cache, AutoCloseable news, AutoCloseable refresh)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try (news) {
                refresh.close();
            }
        }
    }

    /** The stack listening, what refuses new work in front of it, and the calls it carries. */
    private record Transport(BranchMatchedStack stack, LoadShedding shedding, CallsInProgress calls,
                             MessageWaitingLamps lamps) {
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
     * Starts the engine's parts, in this order (a stop goes the other way): the probe of the database;
     * the feed of the cluster's binding changes; this node's bindings, loaded; the write-behind spool,
     * first writing what an earlier run left in it; the cache of SIP accounts with its feed of changes;
     * the media engine (RTP on the SIP address); the cluster's files, if set; voicemail, if both the files and
     * the mailboxes are (its stop waits for the messages being stored);
     * the SIP transport (the stack bound on UDP and TCP, handing requests to the {@link RequestRouter});
     * the message-waiting lamps' feed of mailbox changes and their sweep; the periodic cleanup of expired bindings; the calls up per tenant, shared with the cluster; and
     * last the calls' drain, whose stop refuses new work and ends the calls up before anything else stops.
     *
     * @throws IllegalStateException if already running
     * @throws EngineStartException  naming the part that could not start (the bindings cannot be loaded,
     *                               the spool read, the stack created, a port bound); nothing is left open
     */
    public synchronized void start() {
        if (running != null) {
            throw new IllegalStateException("SIP engine " + settings.nodeName() + " is already running");
        }
        String stackName = "tandem-" + settings.nodeName() + "-" + STACKS.incrementAndGet();
        EngineSettings.LoadTuning load = settings.load();
        CallAdmission admission = new CallAdmission(services.clock());
        Assembly parts = new Assembly("SIP engine " + settings.nodeName());

        // the database's own view of this node's bindings: a query that needs the database, and is cheap
        var health = parts.then("database health", () -> DatabaseHealth.watch(
                () -> services.registrations().countActive(services.nodeId(), services.clock().instant()),
                Duration.ofSeconds(1), stackName + "-database-health"));
        var cluster = parts.then("cluster bindings", this::clusterBindings);
        var bindings = parts.then("node bindings", () -> NodeBindings.load(cluster.get().repository(),
                services.nodeId(), services.clock().instant(), load.bindings(), health.get()::reachable));
        var spool = parts.then("write-behind spool", () -> openSpool(load));
        var accounts = parts.then("accounts cache", () -> cacheAccounts(load, stackName));
        // the media address is the SIP address: a phone that reaches the node reaches its RTP
        var media = parts.then("media engine", () -> new MediaEngine(settings.media(),
                InetAddress.getByName(settings.bindAddress())), MediaEngine::close);
        var files = parts.then("files", () -> settings.files().isEmpty() ? Optional.<SharedFiles>empty()
                : Optional.of(SharedFiles.open(settings.files().get())), started -> { });
        var voicemail = parts.then("voicemail", () -> files.get().filter(store -> settings.voicemail().enabled())
                        .map(store -> Voicemail.start(settings.voicemail(), services.voicemail(), store,
                                services.nodeId(), services.clock())),
                started -> {
                    if (started.isPresent()) {
                        started.get().close();
                    }
                });
        var transport = parts.then("SIP transport", () -> listen(stackName, admission, services.toBuilder()
                .accounts(accounts.get().cache()).registrations(bindings.get())
                .callRecords(spool.get().callRecords()).activeCalls(spool.get().activeCalls()).build(),
                spool.get().callRecords()::isBacklogged, media.get(), voicemail.get()), this::release);
        parts.then("message-waiting lamps", () -> transport.get().lamps().start(stackName + "-lamps"));
        parts.then("registration cleanup", () -> RegistrationCleanup.every(services.registrar().cleanupPeriod(),
                bindings.get(), services.nodeId(), services.clock(), stackName + "-registration-cleanup"));
        parts.then("call count sharing", () -> CallCountSharing.start(admission, services.peers().callCounts(),
                services.nodeId(), services.clock(), stackName + "-call-counts"));
        parts.then("call drain", transport::get, this::drain);

        parts.start();
        running = new Running(parts, bindings.get(), spool.get(), transport.get().lamps());
    }

    private Bindings clusterBindings() {
        RegistrationRepository database = services.registrations();
        if (services.peers().bindingChanges().isEmpty()) {
            return new Bindings(database, () -> { });
        }
        ClusterBindings cluster = new ClusterBindings(database);
        return new Bindings(cluster, services.peers().bindingChanges().get().start(cluster));
    }

    private Spool openSpool(EngineSettings.LoadTuning load) {
        BatchedCallRecords callRecords = new BatchedCallRecords(services.callRecords(), load.callRecords(),
                settings.spoolDirectory());
        try {
            // the records an earlier run spooled first: a call it left listed is recorded as cut off only without one
            if (!callRecords.awaitWritten(load.callRecords().closeTimeout())) {
                throw new IllegalStateException("the call records an earlier run left in the spool cannot be written");
            }
            return new Spool(callRecords, BatchedActiveCalls.start(services.activeCalls(), services.nodeId(),
                    BatchedActiveCalls.DEFAULT, settings.spoolDirectory()));
        } catch (RuntimeException e) {
            callRecords.close();
            throw e;
        }
    }

    /** The feed reads every account as soon as it listens, the refresh every minute after. */
    private Accounts cacheAccounts(EngineSettings.LoadTuning load, String stackName) throws Exception {
        CachedSipAccounts cache = new CachedSipAccounts(services.accounts(), load.accounts());
        AutoCloseable news = services.accountChanges().start(cache);
        try {
            return new Accounts(cache, news, cache.refreshPeriodically(stackName + "-account-refresh"));
        } catch (RuntimeException e) {
            news.close();
            throw e;
        }
    }

    /**
     * A stack bound on UDP and TCP whose requests go to the router; its handlers work with {@code inFront},
     * the services with the engine's caches and write-behind in front.
     */
    private Transport listen(String stackName, CallAdmission admission, EngineServices inFront,
                             BooleanSupplier recordsBacklogged, MediaEngine media, Optional<Voicemail> voicemail)
            throws Exception {
        EngineSettings.LoadTuning load = settings.load();
        // Created directly, not through SipFactory, which keeps every stack it made for the JVM's life.
        BranchMatchedStack stack = new BranchMatchedStack(StackProperties.of(settings, stackName));
        try {
            // Given as an instance, not named in the properties: the stack would load a named
            // factory with Class.forName from its own class loader, which depends on packaging.
            stack.setMessageParserFactory(StrictMessageParser.FACTORY);
            int workers = settings.tuning().threadPoolSize();
            stack.setMessageProcessorFactory(BoundedTcpProcessor.factory(load.tcp(), workers, stackName,
                    OneBufferUdpProcessor.factory(workers, load.tcp().maxMessageBytes())));
            Replies replies = newReplies();
            LoadShedding shedding = new LoadShedding(load.shedding(), replies, recordsBacklogged);
            // before any listening point exists: the stack's threads read this list without a lock
            stack.sipMessageValves.add(shedding);
            AddressFactoryImpl addresses = new AddressFactoryImpl();
            // One count of failed authentications for REGISTER and INVITE alike.
            FailureThrottle throttle = new FailureThrottle("REGISTER and INVITE", inFront.registrar().throttle(),
                    inFront.clock());
            Set<String> nodeHosts = Set.of(settings.bindAddress());
            DigestAuthentication proxyAuthentication = new DigestAuthentication(DigestAuthentication.Role.PROXY,
                    replies, addresses, inFront.accounts(), throttle, nodeHosts, inFront.clock());
            CallHandlers callHandlers = CallHandlers.of(replies, addresses, inFront, proxyAuthentication, admission,
                    media, voicemail);
            Registrar registrar = new Registrar(replies, addresses, inFront, new DigestAuthentication(
                    DigestAuthentication.Role.REGISTRAR, replies, addresses, inFront.accounts(), throttle, nodeHosts,
                    inFront.clock()));
            SipProvider provider = providerOf(stack);
            MessageWaitingLamps lamps = new MessageWaitingLamps(replies, addresses, provider, inFront,
                    proxyAuthentication);
            provider.addSipListener(new RequestRouter(replies, new SanityCheck(replies),
                    new OptionsResponder(replies), registrar, callHandlers, lamps,
                    new MethodNotAllowedResponder(replies)));
            shedding.watch(UdpBacklog.of(stack)::oldestWaitMillis);
            stack.start();
            awaitUdpWorkers(stackName, workers);
            return new Transport(stack, shedding, callHandlers.inProgress(), lamps);
        } catch (Exception e) {
            try {
                stack.release();
            } catch (RuntimeException releaseFailure) {
                e.addSuppressed(releaseFailure);
            }
            throw new EngineStartException("cannot listen for SIP on " + settings.bindAddress() + ":"
                    + settings.port() + " (UDP and TCP)", e);
        }
    }

    /**
     * Stops the stack, closing both ports and its threads; a call that got past the load shedding as
     * the stop began is ended and recorded all the same.
     */
    private void release(Transport transport) {
        try {
            transport.stack().release();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "SIP engine " + settings.nodeName() + " did not stop cleanly", e);
        }
        transport.calls().endAll();
        transport.calls().close();
    }

    /**
     * From now on every REGISTER and new INVITE gets 503, so phones turn to the pool's other node; the
     * calls up get the policy's stop grace to end by themselves, and the rest are ended and recorded.
     */
    private void drain(Transport transport) {
        transport.shedding().nodeStopping();
        CallsInProgress calls = transport.calls();
        int up = calls.count();
        if (up > 0) {
            Duration grace = services.calls().stopGrace();
            LOG.log(System.Logger.Level.INFO, "SIP engine {0} stops: its {1} call(s) up get up to {2} s to end; new"
                    + " calls and registrations get 503", settings.nodeName(), up, grace.toSeconds());
            try {
                calls.awaitEnded(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        calls.endAll();
    }

    /** One provider for both transports, so a handler can answer over whichever a request came in on. */
    private SipProvider providerOf(SipStackImpl newStack) throws Exception {
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
     * Stops the node's SIP service, its parts in the reverse order of {@link #start}. From the first
     * moment every REGISTER and new INVITE gets 503, so phones turn to the pool's other node; the calls
     * up get the policy's stop grace to end by themselves, and the rest are ended (CANCEL and 503 while
     * ringing, BYE on both legs once answered) and recorded. Then the stack stops, closing both ports
     * and its threads, and what this node's bindings, call records and calls up still owe the database
     * is written. Does nothing if not running. Takes the grace (only while calls are up) and about a
     * second: JAIN-SIP waits that long for in-flight messages.
     */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        Running stopping = running;
        running = null;
        stopping.parts().stop();
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
        return now == null || now.bindings().awaitWritten(timeout) && now.spool().callRecords().awaitWritten(timeout)
                && now.spool().activeCalls().awaitWritten(timeout);
    }

    /** The message-waiting lamps of the running engine (their subscriptions and refusals); empty when stopped. */
    public synchronized Optional<MessageWaitingLamps> lamps() {
        return Optional.ofNullable(running).map(Running::lamps);
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
