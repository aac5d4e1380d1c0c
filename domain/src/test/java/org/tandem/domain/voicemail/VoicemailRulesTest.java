package org.tandem.domain.voicemail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.domain.account.PasswordHash;
import org.tandem.domain.extension.ExtensionNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mailbox's settings, a message's caller, file and folder, and the lamp's counts. */
class VoicemailRulesTest {

    /** A stored hash, so that these tests need no slow hashing. */
    private static final VoicemailPin PIN = new VoicemailPin(new PasswordHash("pbkdf2-sha256$600000$c2FsdA==$aGFzaA=="));
    private static final UUID TENANT = UUID.fromString("7d3f4c3a-5b0e-4c1e-9a8e-0c1d2e3f4a5b");
    private static final Mailbox MAILBOX = Mailbox.open(UUID.randomUUID(), TENANT, new ExtensionNumber("101"), PIN);

    @Test
    void theExtensionRingsFiveToOneHundredTwentyWholeSecondsBeforeVoicemailAnswers() {
        assertThat(MAILBOX.settings().noAnswer()).isEqualTo(Duration.ofSeconds(20));
        for (Duration fine : new Duration[]{Duration.ofSeconds(5), Duration.ofSeconds(120)}) {
            assertThat(new MailboxSettings(true, fine, Greetings.NONE, EmailNotification.NONE).noAnswer()).isEqualTo(fine);
        }
        for (Duration wrong : new Duration[]{Duration.ofSeconds(4), Duration.ofSeconds(121), Duration.ofMillis(5_500),
                Duration.ofSeconds(-30), Duration.ofDays(100_000), null}) {
            assertThatThrownBy(() -> new MailboxSettings(true, wrong, Greetings.NONE, EmailNotification.NONE))
                    .as(String.valueOf(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The extension rings 5 to 120 seconds (whole seconds) before voicemail answers");
        }
    }

    @Test
    void theBusyGreetingPlaysOnlyWhenBusyAndTheSystemGreetingNamesTheOwnerWhenItCan() {
        assertThat(new Greetings(true, true, true).played(true)).isEqualTo(Greetings.Played.BUSY);
        assertThat(new Greetings(true, true, true).played(false)).isEqualTo(Greetings.Played.UNAVAILABLE);
        assertThat(new Greetings(true, false, false).played(true)).isEqualTo(Greetings.Played.UNAVAILABLE);
        assertThat(new Greetings(false, true, true).played(false)).isEqualTo(Greetings.Played.SYSTEM_WITH_NAME);
        assertThat(Greetings.NONE.played(true)).isEqualTo(Greetings.Played.SYSTEM_WITH_NUMBER);
    }

    @Test
    void anEmailAddressIsOneAddressOfSensibleLength() {
        assertThat(EmailNotification.to("  alice@acme.example  ", true).address()).contains("alice@acme.example");
        assertThat(EmailNotification.to("", false)).isEqualTo(EmailNotification.NONE);
        assertThatThrownBy(() -> EmailNotification.to(null, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Attaching the recording needs an email address to send it to");
        assertThatThrownBy(() -> EmailNotification.to("a".repeat(250) + "@x.example", false))
                .hasMessage("An email address has at most 254 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@", "@acme.example", "alice@acme", "a@b@acme.example", "alice@acme.example, eve@evil.example",
            "alice@acme.example\r\nBcc: eve@evil.example", "Alice <alice@acme.example>", "al ice@acme.example"})
    void anythingButOneAddressIsRefused(String address) {
        assertThatThrownBy(() -> EmailNotification.to(address, false)).isInstanceOf(IllegalArgumentException.class)
                .message().satisfiesAnyOf(
                        message -> assertThat(message).isEqualTo("This is not an email address: it must look like name@example.com"),
                        message -> assertThat(message).isEqualTo("The email address contains control characters"));
    }

    @Test
    void aCallersIdIsCleanedNotRefusedSoTheMessageIsKept() {
        assertThat(CallerId.asSent("+4930123456", "Bob Baker")).isEqualTo(new CallerId("+4930123456", Optional.of("Bob Baker")));
        assertThat(CallerId.asSent("anonymous", null)).isEqualTo(new CallerId("anonymous", Optional.empty()));
        assertThat(CallerId.asSent("1' or '1'='1", "\u202Eevil\u0000\r\n")).isEqualTo(new CallerId(CallerId.UNKNOWN, Optional.of("evil")));
        assertThat(CallerId.asSent("9".repeat(65), "x".repeat(10_000)).name().orElseThrow()).hasSize(120);
        assertThat(CallerId.asSent("9".repeat(65), "").number()).isEqualTo(CallerId.UNKNOWN);
        assertThat(CallerId.asSent("101", "a" + "\uD83D\uDE00".repeat(100)).name().orElseThrow())
                .as("never cut inside a surrogate pair").hasSize(119);
        assertThatThrownBy(() -> new CallerId("101", Optional.of("bad\nname"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessagesFileIsFiledUnderItsTenantExtensionAndId() {
        UUID node = UUID.randomUUID();
        VoicemailMessage message = VoicemailMessage.recorded(MAILBOX, CallerId.asSent("102", "Bob"),
                Instant.parse("2026-12-07T10:00:00Z"), Duration.ofSeconds(12), node);

        assertThat(message.file()).isEqualTo("tenants/" + TENANT + "/voicemail/101/" + message.id() + ".wav");
        assertThat(message.folder()).isEqualTo(MessageFolder.NEW);
        assertThat(message.recordedBy()).isEqualTo(node);
        assertThatThrownBy(() -> new VoicemailMessage(message.id(), message.mailboxId(), TENANT, message.extension(),
                message.caller(), message.receivedAt(), message.duration(), MessageFolder.NEW,
                "tenants/" + TENANT + "/voicemail/101/../../../etc/passwd", node))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VoicemailMessage.recorded(MAILBOX, message.caller(), Instant.now(), Duration.ofMinutes(61), node))
                .hasMessageStartingWith("a message lasts 0 to 60 minutes");
        assertThatThrownBy(() -> VoicemailMessage.recorded(MAILBOX, message.caller(), Instant.now(), Duration.ofSeconds(-1), node))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageOnlyMovesForwardSoADeletedOneStaysDeleted() {
        VoicemailMessage message = VoicemailMessage.recorded(MAILBOX, CallerId.asSent("102", null), Instant.now(),
                Duration.ofSeconds(3), UUID.randomUUID());

        assertThat(message.filedIn(MessageFolder.SAVED).folder()).isEqualTo(MessageFolder.SAVED);
        assertThat(message.filedIn(MessageFolder.DELETED).filedIn(MessageFolder.SAVED).folder()).isEqualTo(MessageFolder.DELETED);
        assertThat(message.filedIn(MessageFolder.SAVED).filedIn(MessageFolder.NEW).folder()).isEqualTo(MessageFolder.SAVED);
        for (MessageFolder a : MessageFolder.values()) {
            for (MessageFolder b : MessageFolder.values()) {
                assertThat(a.furthest(b)).as("in either order").isEqualTo(b.furthest(a));
            }
        }
    }

    @Test
    void theLampShowsNewAndSavedMessagesAsRfc3842Says() {
        assertThat(new MessageWaiting(2, 8).voiceMessageLine()).isEqualTo("Voice-Message: 2/8 (0/0)");
        assertThat(new MessageWaiting(2, 8).waiting()).isTrue();
        assertThat(new MessageWaiting(0, 8).waiting()).isFalse();
        assertThat(MessageWaiting.EMPTY.voiceMessageLine()).isEqualTo("Voice-Message: 0/0 (0/0)");
        assertThatThrownBy(() -> new MessageWaiting(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
