package org.tandem.domain.voicemail;

import org.junit.jupiter.api.Test;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.throttle.FailureThrottle;
import org.tandem.domain.throttle.ThrottlePolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A PIN guessed over and over: refused before it is looked at, and logged, for that caller only. */
class PinCheckTest {

    private static final UUID TENANT = UUID.fromString("7d3f4c3a-5b0e-4c1e-9a8e-0c1d2e3f4a5b");
    private static final Mailbox MAILBOX = Mailbox.open(UUID.randomUUID(), TENANT, new ExtensionNumber("101"),
            VoicemailPin.choose("4826", new ExtensionNumber("101")));
    private static final Mailbox OTHER = Mailbox.open(UUID.randomUUID(), TENANT, new ExtensionNumber("102"), MAILBOX.pin());

    /** The time the test's throttle sees, moved by the test. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));
    private final PinCheck check = new PinCheck(ThrottlePolicy.VOICEMAIL_PIN_DEFAULT, (InstantSource) now::get);

    @Test
    void aGuesserIsRefusedAfterThreeWrongPinsEvenTheRightOneAndTheBlockIsLogged() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(FailureThrottle.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(java.text.MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            for (String guess : List.of("0001", "0002", "0003")) {
                assertThat(check.check("192.0.2.7", MAILBOX, guess)).isEqualTo(new FailureThrottle.Failed());
            }
            assertThat(check.check("192.0.2.7", MAILBOX, "4826")).as("the right PIN, from the guesser")
                    .isEqualTo(new FailureThrottle.Refused(Duration.ofMinutes(30)));
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(logged).singleElement().asString()
                .contains("voicemail PIN", TENANT + "/101", "192.0.2.7").doesNotContain("0003").doesNotContain("4826");
        assertThat(check.check("192.0.2.8", MAILBOX, "4826")).as("the owner, calling from elsewhere")
                .isEqualTo(new FailureThrottle.Passed());
        assertThat(check.check("192.0.2.7", OTHER, "4826")).as("another mailbox, from the guesser")
                .isEqualTo(new FailureThrottle.Passed());

        now.set(now.get().plus(Duration.ofMinutes(30)));
        assertThat(check.check("192.0.2.7", MAILBOX, "4826")).as("once the block is over").isEqualTo(new FailureThrottle.Passed());
    }

    @Test
    void parallelCallsFromOneCallerGetNoMoreTriesThanOneCall() {
        int calls = 12;
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        try {
            // each check hashes for a good while, so the twelve overlap
            List<FailureThrottle.Attempt> seen = IntStream.range(0, calls)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                            check.check("203.0.113.5", MAILBOX, String.format("%04d", 1000 + i)), callers))
                    .toList().stream().map(CompletableFuture::join).toList();

            assertThat(seen).filteredOn(FailureThrottle.Failed.class::isInstance).as("PINs looked at")
                    .hasSize(ThrottlePolicy.VOICEMAIL_PIN_DEFAULT.perAccountAndAddress());
            assertThat(seen).filteredOn(FailureThrottle.Refused.class::isInstance).hasSize(calls - 3);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aCallerTryingManyMailboxesIsRefusedEverywhere() {
        for (int i = 0; i < ThrottlePolicy.VOICEMAIL_PIN_DEFAULT.perAddress(); i++) {
            Mailbox mailbox = i % 2 == 0 ? MAILBOX : OTHER;
            check.check("198.51.100.9", Mailbox.open(UUID.randomUUID(), TENANT, new ExtensionNumber("2" + i + "0"),
                    mailbox.pin()), "0000");
        }
        assertThat(check.check("198.51.100.9", OTHER, "4826")).isInstanceOf(FailureThrottle.Refused.class);
        assertThat(check.check("198.51.100.10", OTHER, "4826")).isEqualTo(new FailureThrottle.Passed());
    }

    @Test
    void thePinPolicyIsReadFromItsOwnSettings() {
        Properties properties = new Properties();
        properties.setProperty(ThrottlePolicy.PIN_PER_MAILBOX_PROPERTY, "2");
        properties.setProperty(ThrottlePolicy.PIN_BLOCK_PROPERTY, "3600");
        properties.setProperty(ThrottlePolicy.PER_ACCOUNT_PROPERTY, "4");

        ThrottlePolicy policy = ThrottlePolicy.voicemailPinsFromProperties(properties);

        assertThat(policy).isEqualTo(new ThrottlePolicy(2, 10, Duration.ofMinutes(10), Duration.ofHours(1), 100_000));
        assertThat(ThrottlePolicy.fromProperties(properties).perAccountAndAddress()).as("sign-in's, apart").isEqualTo(4);
        properties.setProperty(ThrottlePolicy.PIN_PER_CALLER_PROPERTY, "many");
        assertThatThrownBy(() -> ThrottlePolicy.voicemailPinsFromProperties(properties))
                .hasMessage("tandem.voicemail.pin.failures.per.caller must be a whole number, not 'many'");
    }
}
