package org.tandem.engine.registrar;

import org.junit.jupiter.api.Test;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.Flow;
import org.tandem.domain.registration.Registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 3261 10.3 steps 6 to 8 and the contact limit, on plain values. */
class BindingRulesTest {

    private static final UUID NODE = UUID.randomUUID();
    private static final AddressOfRecord AOR = new AddressOfRecord(UUID.randomUUID(), new ExtensionNumber("101"));
    private static final Flow FLOW = new Flow("udp", "192.0.2.7", 5060);
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static RegisterRequest request(String callId, long cseq, Long expiresHeader, RequestedContact... contacts) {
        return new RegisterRequest(FLOW, callId, cseq, null,
                expiresHeader == null ? OptionalLong.empty() : OptionalLong.of(expiresHeader), false, List.of(contacts));
    }

    private static RegisterRequest removeAll(String callId, long cseq) {
        return new RegisterRequest(FLOW, callId, cseq, null, OptionalLong.of(0), true, List.of());
    }

    private static RequestedContact contact(String uri) {
        return new RequestedContact(uri, null, -1);
    }

    private static Registration bound(String uri, String callId, long cseq, String instance) {
        return Registration.taken(NODE, AOR, uri, instance, FLOW, callId, cseq, null, NOW.minusSeconds(100),
                Duration.ofSeconds(600));
    }

    private static BindingDecision decide(List<Registration> current, RegisterRequest request, int maxContacts) {
        return BindingRules.decide(current, request, NODE, AOR, maxContacts, NOW);
    }

    @Test
    void theContactsOwnExpiryWinsThenTheHeaderThenTheDefaultAndAllAreCut() {
        RegisterRequest withHeader = request("c", 1, 120L);
        assertThat(BindingRules.grantedExpiry(new RequestedContact("sip:a@x", null, 300), withHeader)).isEqualTo(300);
        assertThat(BindingRules.grantedExpiry(contact("sip:a@x"), withHeader)).isEqualTo(120);
        assertThat(BindingRules.grantedExpiry(contact("sip:a@x"), request("c", 1, null))).isEqualTo(3600);
        assertThat(BindingRules.grantedExpiry(new RequestedContact("sip:a@x", null, 90_000), withHeader)).isEqualTo(3600);
        assertThat(BindingRules.grantedExpiry(new RequestedContact("sip:a@x", null, 0), withHeader)).isZero();
    }

    @Test
    void anExpiryUnderOneMinuteIsTooBriefButZeroIsARemoval() {
        assertThat(BindingRules.isTooBrief(request("c", 1, 59L, contact("sip:a@x")))).isTrue();
        assertThat(BindingRules.isTooBrief(request("c", 1, 3600L, new RequestedContact("sip:a@x", null, 1)))).isTrue();
        assertThat(BindingRules.isTooBrief(request("c", 1, 60L, contact("sip:a@x")))).isFalse();
        assertThat(BindingRules.isTooBrief(request("c", 1, 0L, contact("sip:a@x")))).isFalse();
        assertThat(BindingRules.isTooBrief(request("c", 1, 30L))).as("a query binds nothing").isFalse();
    }

    @Test
    void aNewContactIsBoundAndAKnownOneRefreshed() {
        Registration old = bound("sip:a@x", "c", 1, null);

        BindingDecision decision = decide(List.of(old), request("c", 2, 900L, contact("sip:a@x"), contact("sip:b@x")), 5);

        BindingDecision.Accepted accepted = (BindingDecision.Accepted) decision;
        assertThat(accepted.removals()).isEmpty();
        assertThat(accepted.saves()).extracting(Registration::contactUri).containsExactly("sip:a@x", "sip:b@x");
        assertThat(accepted.saves()).allSatisfy(r -> {
            assertThat(r.expiresAt()).isEqualTo(NOW.plusSeconds(900));
            assertThat(r.cseq()).isEqualTo(2);
            assertThat(r.nodeId()).isEqualTo(NODE);
        });
        assertThat(accepted.bindings()).hasSize(2);
    }

    @Test
    void anOlderOrRepeatedCSeqOfTheSameCallIdIsOutOfOrderButAnotherCallIdIsNot() {
        Registration old = bound("sip:a@x", "c", 10, null);

        assertThat(decide(List.of(old), request("c", 10, 600L, contact("sip:a@x")), 5))
                .isEqualTo(new BindingDecision.OutOfOrder(10));
        assertThat(decide(List.of(old), request("c", 9, 0L, contact("sip:a@x")), 5))
                .isEqualTo(new BindingDecision.OutOfOrder(10));
        assertThat(decide(List.of(old), removeAll("c", 3), 5)).isEqualTo(new BindingDecision.OutOfOrder(10));
        assertThat(decide(List.of(old), request("other", 1, 600L, contact("sip:a@x")), 5))
                .isInstanceOf(BindingDecision.Accepted.class);
        assertThat(decide(List.of(old), request("c", 3, 600L, contact("sip:b@x")), 5))
                .as("the old CSeq only orders the bindings it touches").isInstanceOf(BindingDecision.Accepted.class);
    }

    @Test
    void expiresZeroRemovesOneAndTheStarRemovesEvery() {
        List<Registration> current = List.of(bound("sip:a@x", "c", 1, null), bound("sip:b@y", "d", 1, null));

        BindingDecision.Accepted one = (BindingDecision.Accepted) decide(current, request("c", 2, 0L, contact("sip:a@x")), 5);
        assertThat(one.removals()).containsExactly("sip:a@x");
        assertThat(one.saves()).isEmpty();
        assertThat(one.bindings()).extracting(Registration::contactUri).containsExactly("sip:b@y");

        BindingDecision.Accepted all = (BindingDecision.Accepted) decide(current, removeAll("c", 2), 5);
        assertThat(all.removals()).containsExactly("sip:a@x", "sip:b@y");
        assertThat(all.bindings()).isEmpty();

        BindingDecision.Accepted unknown = (BindingDecision.Accepted) decide(current, request("c", 2, 0L, contact("sip:z@x")), 5);
        assertThat(unknown.removals()).as("removing what is not bound changes nothing").isEmpty();
    }

    @Test
    void newContactsBeyondTheLimitAreRefusedButRefreshesNever() {
        List<Registration> two = List.of(bound("sip:a@x", "c", 1, null), bound("sip:b@x", "d", 1, null));

        assertThat(decide(two, request("e", 1, 600L, contact("sip:c@x")), 2)).isEqualTo(new BindingDecision.TooManyContacts(2));
        assertThat(decide(two, request("c", 2, 600L, contact("sip:a@x")), 2)).isInstanceOf(BindingDecision.Accepted.class);
        assertThat(decide(two, request("c", 2, 600L, contact("sip:a@x")), 1))
                .as("a lowered limit does not stop a refresh").isInstanceOf(BindingDecision.Accepted.class);
        assertThat(decide(List.of(), request("e", 1, 600L, contact("sip:a@x"), contact("sip:b@x"), contact("sip:c@x")), 2))
                .isEqualTo(new BindingDecision.TooManyContacts(2));
    }

    @Test
    void theSameInstanceUnderANewContactReplacesItsOldBinding() {
        String instance = "<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>";
        List<Registration> full = List.of(bound("sip:a@192.0.2.7:5060", "c", 1, instance), bound("sip:b@x", "d", 1, null));

        BindingDecision decision = decide(full, request("new-call", 1, 600L,
                new RequestedContact("sip:a@192.0.2.7:5072", instance, -1)), 2);

        BindingDecision.Accepted accepted = (BindingDecision.Accepted) decision;
        assertThat(accepted.removals()).containsExactly("sip:a@192.0.2.7:5060");
        assertThat(accepted.bindings()).extracting(Registration::contactUri)
                .containsExactlyInAnyOrder("sip:b@x", "sip:a@192.0.2.7:5072");
    }
}
