package org.tandem.engine;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The tuning measured in docs/performance.md reaches the stack under the names JAIN-SIP reads. */
class StackPropertiesTest {

    @Test
    void carriesTheTuningAndTurnsLoggingOff() {
        EngineSettings settings = new EngineSettings("n", "127.0.0.1", 5060,
                new EngineSettings.StackTuning(4, 200_000, 150_000, 4_000, 1 << 20));

        Properties p = StackProperties.of(settings, "tandem-n-1");

        assertThat(p.getProperty("javax.sip.STACK_NAME")).isEqualTo("tandem-n-1");
        assertThat(p.getProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT")).isEqualTo("off");
        assertThat(p.getProperty("gov.nist.javax.sip.THREAD_POOL_SIZE")).isEqualTo("4");
        assertThat(p.getProperty("gov.nist.javax.sip.REENTRANT_LISTENER")).isEqualTo("true");
        assertThat(p.getProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS")).isEqualTo("200000");
        assertThat(p.getProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS")).isEqualTo("150000");
        assertThat(p.getProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT")).isEqualTo("4000");
        assertThat(p.getProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE")).isEqualTo("1048576");
        assertThat(p.getProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE")).isEqualTo("1048576");
        assertThat(p.getProperty("gov.nist.javax.sip.TIMER_CLASS_NAME"))
                .isEqualTo("gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        assertThat(p.getProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY")).isEqualTo("Normal");
        assertThat(p.getProperty("gov.nist.javax.sip.TRACE_LEVEL")).isEqualTo("0");
        assertThat(p.getProperty("gov.nist.javax.sip.DEBUG_LOG")).isNull();
        assertThat(p.getProperty("gov.nist.javax.sip.SERVER_LOG")).isNull();
    }
}
