package org.tandem.engine;

import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import org.tandem.engine.auth.AuthThrottle;
import org.tandem.engine.call.CallAdmission;
import org.tandem.engine.call.CallCountSharing;
import org.tandem.engine.call.CallHandlers;
import org.tandem.engine.options.OptionsResponder;
import org.tandem.engine.registrar.Registrar;
import org.tandem.engine.registrar.RegistrationCleanup;
import org.tandem.engine.routing.MethodNotAllowedResponder;
import org.tandem.engine.routing.RequestRouter;
import org.tandem.engine.routing.SanityCheck;
import org.tandem.engine.sip.Capabilities;
import org.tandem.engine.sip.Replies;
import org.tandem.engine.sip.StrictMessageParser;

import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One SIP node: a JAIN-SIP stack listening on UDP and TCP at the configured address and port, with
 * every request handed to the {@link RequestRouter}, and the periodic cleanup of this node's expired
 * registrations. It can be stopped and started again; each start builds a fresh stack (and a fresh
 * nonce secret), while the bindings stay where {@link EngineServices} keeps them.
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
    private SipStackImpl stack;
    private RegistrationCleanup cleanup;
    private CallCountSharing callCounts;

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
     * Creates the stack and binds UDP and TCP.
     *
     * @throws IllegalStateException if already running
     * @throws EngineStartException  if the stack cannot be created or a port cannot be bound; nothing is left open
     */
    public synchronized void start() {
        if (stack != null) {
            throw new IllegalStateException("SIP engine " + settings.nodeName() + " is already running");
        }
        String stackName = "tandem-" + settings.nodeName() + "-" + STACKS.incrementAndGet();
        SipStackImpl newStack;
        CallAdmission admission = new CallAdmission(services.clock());
        try {
            // Created directly, not through SipFactory, which keeps every stack it made for the JVM's life.
            newStack = new SipStackImpl(StackProperties.of(settings, stackName));
            // Given as an instance, not named in the properties: the stack would load a named
            // factory with Class.forName from its own class loader, which depends on packaging.
            newStack.setMessageParserFactory(StrictMessageParser.FACTORY);
        } catch (Exception e) {
            throw new EngineStartException("cannot create SIP stack " + stackName, e);
        }
        try {
            listen(newStack).addSipListener(newRouter(services, admission));
            newStack.start();
            awaitUdpWorkers(stackName, settings.tuning().threadPoolSize());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            EngineStartException failure = new EngineStartException("cannot listen for SIP on "
                    + settings.bindAddress() + ":" + settings.port() + " (UDP and TCP)", e);
            try {
                release(newStack);
            } catch (RuntimeException releaseFailure) {
                failure.addSuppressed(releaseFailure);
            }
            throw failure;
        }
        stack = newStack;
        cleanup = RegistrationCleanup.every(services.registrar().cleanupPeriod(), services.registrations(),
                services.nodeId(), services.clock(), stackName + "-registration-cleanup");
        callCounts = CallCountSharing.start(admission, services.peers().callCounts(), services.nodeId(),
                services.clock(), stackName + "-call-counts");
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

    private static RequestRouter newRouter(EngineServices services, CallAdmission admission) throws ParseException {
        HeaderFactoryImpl headers = new HeaderFactoryImpl();
        MessageFactoryImpl messages = new MessageFactoryImpl();
        // A static field in JAIN-SIP: it also puts "Server: Tandem" on the responses the stack makes by itself (400).
        messages.setDefaultServerHeader(headers.createServerHeader(List.of(Capabilities.PRODUCT)));
        Replies replies = new Replies(messages, headers);
        AddressFactoryImpl addresses = new AddressFactoryImpl();
        // One count of failed authentications for REGISTER and INVITE alike.
        AuthThrottle throttle = new AuthThrottle(services.registrar().throttle(), services.clock());
        return new RequestRouter(replies, new SanityCheck(replies), new OptionsResponder(replies),
                new Registrar(replies, addresses, services, throttle),
                CallHandlers.of(replies, addresses, services, throttle, admission), new MethodNotAllowedResponder(replies));
    }

    /**
     * Stops the stack, closing both ports and its threads; does nothing if not running. Takes about a
     * second: JAIN-SIP waits that long for in-flight messages.
     */
    public synchronized void stop() {
        if (stack == null) {
            return;
        }
        cleanup.close();
        cleanup = null;
        callCounts.close();
        callCounts = null;
        try {
            release(stack);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "SIP engine " + settings.nodeName() + " did not stop cleanly", e);
        } finally {
            stack = null;
        }
    }

    /**
     * Stops a stack for good, working around two JAIN-SIP defects. Its stop() throws a
     * NullPointerException on a listening point that failed to bind and then skips the rest, so the
     * timer and event scanner are also stopped here (twice is harmless). And the event scanner, a
     * non-daemon thread, stays blocked on an empty queue even once stopped, which would keep a plain
     * JVM alive and leak a thread per restart: one event that reaches no listener wakes it to find it
     * was stopped.
     */
    private static void release(SipStackImpl doomed) {
        doomed.getSipProviders().forEachRemaining(p -> p.removeSipListener(p.getSipListener()));
        EventScanner scanner = doomed.getEventScanner();
        try {
            doomed.stop();
        } finally {
            doomed.getTimer().stop();
            scanner.forceStop();
            scanner.addEvent(new EventWrapper(new IOExceptionEvent(doomed, "0.0.0.0", 0, ListeningPoint.UDP), null));
        }
    }

    public synchronized boolean isRunning() {
        return stack != null;
    }

    /** Where the engine listens, as SIP URIs, e.g. {@code sip:127.0.0.1:5060;transport=udp}; empty when stopped. */
    public synchronized List<String> listeningOn() {
        if (stack == null) {
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
