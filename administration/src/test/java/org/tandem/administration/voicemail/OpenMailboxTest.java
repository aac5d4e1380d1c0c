package org.tandem.administration.voicemail;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.extension.IssuedCredentials;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.storage.jdbc.JdbcMailboxes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tandem.administration.support.AdministrationFixture.GLOBEX_ADMIN;

/**
 * Extensions made before every new extension got its mailbox: listed as having none, and opened one by
 * one with a PIN shown once. Such an extension is made here by taking a new one's mailbox away.
 */
class OpenMailboxTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private final JdbcMailboxes stored = new JdbcMailboxes(fixture.database().dataSource());
    private Actor admin;
    private UUID tenant;
    private IssuedCredentials older;

    @BeforeEach
    void customerWithAnExtensionWithoutMailbox() throws SQLException {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Older Co", 5);
        tenant = customer.id();
        admin = fixture.actor(customer.admin());
        older = fixture.extensions.create(admin, tenant, "201", "Made long ago");
        fixture.extensions.create(admin, tenant, "202", "Made today");
        try (Connection connection = fixture.database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("delete from voicemail_box where extension_id = ?")) {
            statement.setObject(1, older.extension().id());
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void anExtensionWithoutMailboxIsListedAndOpenedWithAPinShownOnce() {
        assertThat(fixture.voicemail.withoutMailbox(admin, tenant))
                .containsExactly(new ExtensionWithoutMailbox("201", "Made long ago"));
        assertThat(fixture.voicemail.mailboxes(admin, tenant)).extracting(MailboxSummary::number).containsExactly("202");

        OpenedMailbox opened = fixture.voicemail.open(admin, tenant, "201");

        assertThat(opened.pin()).matches("[0-9]{6}");
        assertThat(opened.toString()).doesNotContain(opened.pin());
        assertThat(opened.mailbox().number()).isEqualTo("201");
        assertThat(opened.mailbox().enabled()).isTrue();
        Mailbox mailbox = stored.find(tenant, "201").orElseThrow();
        assertThat(mailbox.extensionId()).isEqualTo(older.extension().id());
        assertThat(mailbox.pin().matches(opened.pin())).isTrue();
        assertThat(fixture.voicemail.withoutMailbox(admin, tenant)).isEmpty();
        assertThat(fixture.voicemail.mailboxes(admin, tenant)).extracting(MailboxSummary::number)
                .containsExactly("201", "202");
    }

    @Test
    void aMailboxIsOpenedOnceAndOnlyForAnExtensionInReach() {
        assertThatThrownBy(() -> fixture.voicemail.open(admin, tenant, "202"))
                .isInstanceOf(AlreadyTakenException.class).hasMessage("Extension 202 already has a mailbox");
        for (String hostile : new String[]{"203", "2a", "../201", "", null, "2".repeat(11)}) {
            assertThatThrownBy(() -> fixture.voicemail.open(admin, tenant, hostile)).as(hostile)
                    .isInstanceOf(NotFoundException.class).hasMessage("No such extension");
        }
        assertThatThrownBy(() -> fixture.voicemail.open(fixture.actor(GLOBEX_ADMIN), tenant, "201"))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixture.voicemail.withoutMailbox(fixture.actor(AdministrationFixture.ACME_USER), fixture.acme()))
                .as("a tenant user sees no admin's list").isEmpty();
        assertThatThrownBy(() -> fixture.voicemail.open(fixture.actor(AdministrationFixture.ACME_USER), fixture.acme(), "101"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(stored.find(tenant, "201")).isEmpty();
    }
}
