package org.tandem.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSettingsTest {

    @Test
    void withoutAHostMailIsOff() {
        MailSettings settings = MailSettings.fromProperties(new Properties());

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.startTls()).isEqualTo(StartTls.REQUIRED);
        assertThat(settings.port()).isEqualTo(25);
    }

    @Test
    void theDefaultsOfAServer() {
        MailSettings settings = read(Map.of("tandem.smtp.host", "mail.example.com", "tandem.smtp.from", "pbx@example.com"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.username()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxAttachBytes()).isEqualTo(10 * 1024 * 1024);
        assertThat(settings.attempts()).isEqualTo(6);
        assertThat(settings.queue()).isEqualTo(1000);
        assertThat(read(Map.of("tandem.smtp.host", "h", "tandem.smtp.from", "a@b.c", "tandem.smtp.tls", "true")).port())
                .isEqualTo(465);
    }

    @Test
    void retriesDoubleUpToALongestWait() {
        MailSettings settings = read(Map.of("tandem.smtp.host", "h", "tandem.smtp.from", "a@b.c",
                "tandem.smtp.retry.millis", "30000"));

        assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retryAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryAfter(40)).isEqualTo(MailSettings.LONGEST_RETRY);
    }

    @Test
    void wrongValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> read(Map.of("tandem.smtp.host", "h")))
                .hasMessageStartingWith("tandem.smtp.from must be the sender's email address");
        assertThatThrownBy(() -> read(Map.of("tandem.smtp.host", "h", "tandem.smtp.from", "a@b.c\r\nBcc: x@y.z")))
                .hasMessageStartingWith("tandem.smtp.from must be the sender's email address");
        assertThatThrownBy(() -> read(Map.of("tandem.smtp.starttls", "maybe")))
                .hasMessage("tandem.smtp.starttls must be required, optional or off, not 'maybe'");
        assertThatThrownBy(() -> read(Map.of("tandem.smtp.attempts", "0")))
                .hasMessage("tandem.smtp.attempts must be a positive whole number, not '0'");
        assertThatThrownBy(() -> read(Map.of("tandem.smtp.port", "70000")))
                .hasMessage("tandem.smtp.port must be 1-65535, not 70000");
    }

    @Test
    void thePasswordIsNotShown() {
        MailSettings settings = read(Map.of("tandem.smtp.host", "h", "tandem.smtp.from", "a@b.c",
                "tandem.smtp.username", "pbx", "tandem.smtp.password", "hunter2"));

        assertThat(settings.toString()).contains("pbx").doesNotContain("hunter2");
    }

    private static MailSettings read(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return MailSettings.fromProperties(properties);
    }
}
