package org.tandem.administration.ownextension;

import org.junit.jupiter.api.Test;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.calls.CallEntry;
import org.tandem.administration.registration.RegisteredPhone;
import org.tandem.administration.support.AdministrationFixture;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.ACME_ADMIN;
import static org.tandem.administration.support.AdministrationFixture.ACME_UNLINKED_USER;
import static org.tandem.administration.support.AdministrationFixture.ACME_USER;

/**
 * A tenant user sees the phones and calls of their own extension only: not a colleague's, not the
 * same number in another tenant, nothing when their login is linked to no extension.
 */
class OwnExtensionTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();

    @Test
    void aTenantUserSeesTheirOwnExtensionsPhonesAndCallsAndNobodyElses() {
        String mine = "sip:101@127.0.0.1:" + (21000 + Math.floorMod(UUID.randomUUID().hashCode(), 1000));
        String colleagues = "sip:199@127.0.0.1:" + (22000 + Math.floorMod(UUID.randomUUID().hashCode(), 1000));
        String othersTenants = "sip:101@127.0.0.1:" + (23000 + Math.floorMod(UUID.randomUUID().hashCode(), 1000));
        UUID own = fixture.register(fixture.acme(), "101", mine);
        UUID colleague = fixture.register(fixture.acme(), "199", colleagues);
        UUID other = fixture.register(fixture.globex(), "101", othersTenants);
        Instant start = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        String dialled = Integer.toString(70_000 + Math.floorMod(UUID.randomUUID().hashCode(), 20_000));
        fixture.recordCall(fixture.acme(), "101", dialled, start, start.plusSeconds(2), start.plusSeconds(62), "ANSWERED", 200);
        fixture.recordCall(fixture.acme(), dialled, "101", start, null, start.plusSeconds(5), "NO_ANSWER", 480);
        fixture.recordCall(fixture.acme(), "199", dialled, start, null, start.plusSeconds(1), "BUSY", 486);
        fixture.recordCall(fixture.globex(), "101", dialled, start, null, start.plusSeconds(1), "BUSY", 486);
        try {
            OwnExtension extension = fixture.ownExtension.ownExtension(fixture.actor(ACME_USER)).orElseThrow();

            assertThat(extension.number()).isEqualTo("101");
            assertThat(extension.displayName()).isEqualTo("Alice Archer");
            assertThat(extension.phones()).extracting(RegisteredPhone::contact).contains(mine)
                    .doesNotContain(colleagues, othersTenants);
            assertThat(extension.calls()).filteredOn(call -> call.caller().equals(dialled) || call.callee().equals(dialled))
                    .extracting(call -> call.caller() + ">" + call.callee() + " " + call.disposition())
                    .containsExactlyInAnyOrder("101>" + dialled + " ANSWERED", dialled + ">101 NO_ANSWER");
            assertThat(extension.calls()).allMatch(call -> call.caller().equals("101") || call.callee().equals("101"));
            assertThat(extension.calls()).extracting(CallEntry::talkSeconds).contains(60L);
        } finally {
            fixture.unregister(own);
            fixture.unregister(colleague);
            fixture.unregister(other);
        }
    }

    @Test
    void aTenantUserLinkedToNoExtensionSeesNone() {
        assertThat(fixture.ownExtension.ownExtension(fixture.actor(ACME_UNLINKED_USER))).isEmpty();
    }

    @Test
    void onlyTenantUsersHaveAnOwnExtension() {
        assertThatThrownBy(() -> fixture.ownExtension.ownExtension(fixture.actor(ACME_ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.ownExtension.watch(fixture.actor(AdministrationFixture.OPERATOR), () -> { }))
                .isInstanceOf(AccessDeniedException.class);
    }
}
