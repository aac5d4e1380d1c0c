package org.tandem.engine;

import org.junit.jupiter.api.Test;
import org.tandem.engine.sip.TcpLimits;
import org.tandem.engine.voicemail.VoicemailSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineSettingsTest {

    @Test
    void defaultsToALocalNodeOnTheStandardPort() {
        EngineSettings settings = EngineSettings.fromProperties(new Properties());
        assertThat(settings).isEqualTo(
                new EngineSettings("node1", "127.0.0.1", 5060, EngineSettings.StackTuning.DEFAULT));
    }

    @Test
    void readsNodeNameAddressAndPort() {
        EngineSettings settings = EngineSettings.fromProperties(settings(
                "tandem.node.name", "node7", "tandem.sip.address", " 127.0.0.2 ", "tandem.sip.port", "5080"));

        assertThat(settings.nodeName()).isEqualTo("node7");
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.2");
        assertThat(settings.port()).isEqualTo(5080);
    }

    @Test
    void readsSystemProperties() {
        String before = System.getProperty(EngineSettings.PORT_PROPERTY);
        System.setProperty(EngineSettings.PORT_PROPERTY, "5999");
        try {
            assertThat(EngineSettings.fromSystemProperties().port()).isEqualTo(5999);
        } finally {
            if (before == null) {
                System.clearProperty(EngineSettings.PORT_PROPERTY);
            } else {
                System.setProperty(EngineSettings.PORT_PROPERTY, before);
            }
        }
    }

    @Test
    void refusesAPortThatIsNotANumberNamingTheProperty() {
        assertRefused("tandem.sip.port", "sixty", "tandem.sip.port");
    }

    @Test
    void aBlankPortMeansTheDefault() {
        assertThat(EngineSettings.fromProperties(settings("tandem.sip.port", "")).port())
                .isEqualTo(EngineSettings.DEFAULT_PORT);
    }

    @Test
    void refusesPortsOutsideTheRange() {
        for (int port : new int[] {0, -1, 65536}) {
            assertThatThrownBy(() -> new EngineSettings("n", "127.0.0.1", port, EngineSettings.StackTuning.DEFAULT))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAnUnboundedCongestionQueue() {
        assertThatThrownBy(() -> new EngineSettings.StackTuning(4, 200_000, 200_000, 0, 1 << 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheTcpLimitsEachDefaulting() {
        TcpLimits limits = EngineSettings.fromProperties(settings("tandem.sip.max.message.bytes", "32768",
                "tandem.sip.tcp.connections.per.address", " 20 ", "tandem.sip.tcp.idle.seconds", "600")).load().tcp();

        assertThat(limits).isEqualTo(new TcpLimits(32_768, 20, 5_000, Duration.ofSeconds(600), Duration.ofSeconds(30)));
        assertThat(EngineSettings.fromProperties(new Properties()).load().tcp()).isEqualTo(TcpLimits.DEFAULT);
    }

    @Test
    void readsVoicemailsLimitsEachDefaulting() {
        VoicemailSettings voicemail = EngineSettings.fromProperties(settings("tandem.voicemail.max.seconds", "120",
                "tandem.voicemail.min.millis", "0")).voicemail();

        assertThat(voicemail).isEqualTo(new VoicemailSettings(Duration.ofSeconds(120), Duration.ZERO,
                VoicemailSettings.DEFAULT.storeTimeout()));
        assertThat(EngineSettings.fromProperties(new Properties()).voicemail()).isEqualTo(VoicemailSettings.DEFAULT);
    }

    @Test
    void voicemailReadsTheSoundsFolderAndTheSmtpServerFromTheNodesSettings() {
        VoicemailSettings voicemail = EngineSettings.fromProperties(settings("tandem.sounds.dir", "/srv/sounds",
                "tandem.smtp.host", "mail.example.com", "tandem.smtp.from", "pbx@example.com")).voicemail();

        assertThat(voicemail.sounds().promptsDirectory()).isEqualTo(Path.of("/srv/sounds"));
        assertThat(voicemail.mail().host()).contains("mail.example.com");
        assertThat(voicemail.enabled()).isTrue();
        assertThat(EngineSettings.fromProperties(new Properties()).voicemail().mail().enabled()).isFalse();
    }

    @Test
    void refusesVoicemailLimitsThatCannotWork() {
        assertRefused("tandem.voicemail.max.seconds", "0", "tandem.voicemail.max.seconds");
        assertRefused("tandem.voicemail.max.seconds", "7200", "longest voicemail message must be 1 s to 60 minutes");
        assertRefused("tandem.voicemail.min.millis", "180000", "below the longest");
        assertRefused("tandem.voicemail.store.timeout.seconds", "-5", "tandem.voicemail.store.timeout.seconds");
    }

    @Test
    void refusesTcpLimitsThatCannotWorkNamingTheSetting() {
        assertRefused("tandem.sip.tcp.partial.message.seconds", "thirty", "tandem.sip.tcp.partial.message.seconds");
        assertRefused("tandem.sip.max.message.bytes", "100", "tandem.sip.max.message.bytes");
        assertRefused("tandem.sip.tcp.connections", "10", "at least as many as per address");
        assertRefused("tandem.sip.tcp.idle.seconds", "0", "positive");
    }

    /** What a properties file holding only these settings gives: a name, its value, the next name... */
    private static Properties settings(String... namesAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }

    /** The settings refuse {@code name=value} as an IllegalArgumentException whose message says {@code why}. */
    private static void assertRefused(String name, String value, String why) {
        assertThatThrownBy(() -> EngineSettings.fromProperties(settings(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }
}
