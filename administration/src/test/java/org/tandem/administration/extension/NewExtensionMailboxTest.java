package org.tandem.administration.extension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MailboxSettings;
import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.VoicemailPin;
import org.tandem.storage.jdbc.JdbcMailboxes;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every extension made through the administration has its mailbox from the start, on the real database. */
class NewExtensionMailboxTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private final Mailboxes stored = new JdbcMailboxes(fixture.database().dataSource());
    private Actor admin;
    private UUID tenant;

    @BeforeEach
    void newCustomer() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Mailbox Co", 50);
        tenant = customer.id();
        admin = fixture.actor(customer.admin());
    }

    @Test
    void aNewExtensionHasItsMailboxOnWithThePinShownOnce() {
        IssuedCredentials issued = fixture.extensions.create(admin, tenant, "201", "Front desk");

        assertThat(issued.voicemailPin()).matches("[0-9]{" + VoicemailPin.GENERATED_DIGITS + "}");
        assertThat(VoicemailPin.problemWith(issued.voicemailPin(), new ExtensionNumber("201"))).isEmpty();
        assertThat(issued.toString()).doesNotContain(issued.voicemailPin());
        Mailbox mailbox = stored.find(tenant, "201").orElseThrow();
        assertThat(mailbox.extensionId()).isEqualTo(issued.extension().id());
        assertThat(mailbox.settings()).isEqualTo(MailboxSettings.DEFAULT);
        assertThat(mailbox.settings().enabled()).isTrue();
        assertThat(mailbox.pin().matches(issued.voicemailPin())).isTrue();
        assertThat(fixture.voicemail.mailbox(admin, tenant, "201").enabled()).isTrue();
    }

    @Test
    void aNewSipPasswordLeavesTheMailboxAndItsPinAlone() {
        IssuedCredentials issued = fixture.extensions.create(admin, tenant, "201", "Front desk");

        IssuedCredentials renewed = fixture.extensions.newSipPassword(admin, tenant, issued.extension().id());

        assertThat(renewed.voicemailPin()).isNull();
        assertThat(stored.find(tenant, "201").orElseThrow().pin().matches(issued.voicemailPin())).isTrue();
    }

    @Test
    void aCsvImportOfFiftyOpensFiftyMailboxesEachWithItsOwnShownPin() {
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 0; i < 50; i++) {
            csv.append(300 + i).append(",Person ").append(i).append('\n');
        }

        ImportResult result = fixture.extensions.importCsv(admin, tenant, csv.toString());

        assertThat(result.succeeded()).isTrue();
        assertThat(result.created()).hasSize(50);
        assertThat(stored.ofTenant(tenant)).hasSize(50);
        for (IssuedCredentials created : result.created()) {
            Mailbox mailbox = stored.find(tenant, created.extension().number()).orElseThrow();
            assertThat(mailbox.extensionId()).isEqualTo(created.extension().id());
            assertThat(mailbox.settings().enabled()).isTrue();
            assertThat(mailbox.pin().matches(created.voicemailPin())).as(created.sipUser()).isTrue();
        }
    }

    @Test
    void aRefusedImportOpensNoMailbox() {
        ImportResult result = fixture.extensions.importCsv(admin, tenant, "301,Good\n30x,Bad\n");

        assertThat(result.succeeded()).isFalse();
        assertThat(stored.ofTenant(tenant)).isEmpty();
    }

    @Test
    void aDeletedExtensionTakesItsMailbox() {
        IssuedCredentials kept = fixture.extensions.create(admin, tenant, "201", "Kept");
        IssuedCredentials gone = fixture.extensions.create(admin, tenant, "202", "Gone");

        fixture.extensions.delete(admin, tenant, gone.extension().id());

        assertThat(stored.ofTenant(tenant)).extracting(Mailbox::extensionId).containsExactly(kept.extension().id());
        IssuedCredentials again = fixture.extensions.create(admin, tenant, "202", "Back again");
        assertThat(stored.find(tenant, "202").orElseThrow().pin().matches(again.voicemailPin())).isTrue();
    }
}
