package org.tandem.engine;

import gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer;

import java.util.Properties;

/** Translates {@link EngineSettings} into the properties a JAIN-SIP stack is created from. */
final class StackProperties {

    private StackProperties() {
    }

    static Properties of(EngineSettings settings, String stackName) {
        EngineSettings.StackTuning tuning = settings.tuning();
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        // The engine will own its dialogs (a B2BUA keeps two per call), so the stack must not make its own.
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // A fixed pool calling one thread-safe listener; without it the stack starts a thread per message.
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(tuning.threadPoolSize()));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(tuning.maxServerTransactions()));
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", Integer.toString(tuning.maxClientTransactions()));
        p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT",
                Integer.toString(tuning.congestionControlTimeoutMillis()));
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(tuning.udpBufferBytes()));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(tuning.udpBufferBytes()));
        // TCP connections are closed when idle by the engine's own TCP transport (BoundedTcpProcessor),
        // whose sweep also knows the other limits; JAIN-SIP's would close them after 2 hours, checking every 2 hours.
        p.setProperty("gov.nist.javax.sip.NIO_MAX_SOCKET_IDLE_TIME", "0");
        p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", ScheduledExecutorSipTimer.class.getName());
        // A finished transaction lingers 32 s (Timer J) to answer retransmissions; "Normal" keeps only
        // the messages' bytes for that, not their parsed objects: far less for the collector to copy.
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
        // Stack logging off: nothing through log4j, no debug log or message trace files. JAIN-SIP lets
        // JVM system properties override these, so tracing can still be switched on for a diagnosis with
        // -Dgov.nist.javax.sip.TRACE_LEVEL=32 -Dgov.nist.javax.sip.DEBUG_LOG=<file>.
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        return p;
    }
}
