package org.tandem.portal.tenant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.administration.extension.IssuedCredentials;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.administration.voicemail.MailboxSummary;
import org.tandem.administration.voicemail.MessageEntry;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.voicemail.CallerId;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.domain.voicemail.VoicemailPin;
import org.tandem.files.FilePath;
import org.tandem.portal.error.NoAccessView;
import org.tandem.portal.error.NotFoundView;
import org.tandem.portal.support.PortalViewTest;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.OTHER_TENANT_ADMIN_USERNAME;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;
import static org.tandem.portal.support.TestAccounts.TENANT_USER_USERNAME;

/**
 * The voicemail pages on Acme's extension 101 (the tenant user's own): messages left as the engine
 * leaves them, their recordings in the fixture's files.
 */
class VoicemailViewTest extends PortalViewTest {

    private Mailbox acme101;

    @BeforeEach
    void acmeHasAMailboxOn101() {
        JdbcMailboxes mailboxes = new JdbcMailboxes(fixture.database().dataSource());
        ExtensionNumber number = new ExtensionNumber("101");
        UUID extension = fixture.extensions.extensions(fixture.actor(TENANT_ADMIN_USERNAME), fixture.acme()).extensions()
                .stream().filter(summary -> summary.number().equals("101")).findFirst().orElseThrow().id();
        try {
            mailboxes.add(Mailbox.open(extension, fixture.acme(), number, VoicemailPin.choose("2468", number)));
        } catch (AlreadyTakenException openedByAnEarlierTest) {
            // the fixture's database lives as long as the JVM
        }
        acme101 = mailboxes.find(fixture.acme(), "101").orElseThrow();
    }

    private VoicemailMessage leave(String caller, byte[] wav) throws Exception {
        VoicemailMessage message = VoicemailMessage.recorded(acme101, CallerId.asSent(caller, null), Instant.now(),
                Duration.ofSeconds(1), fixture.nodeId());
        fixture.files.write(FilePath.parse(message.file()), wav);
        new JdbcVoicemailMessages(fixture.database().dataSource(), fixture.nodeId()).add(message);
        return message;
    }

    @Test
    void aTenantUserPlaysMarksReadAndDeletesTheirMessages() throws Exception {
        byte[] wav = "RIFF-not-really-a-wav".getBytes();
        VoicemailMessage message = leave("301", wav);
        signIn(TENANT_USER_USERNAME);
        navigate("my-voicemail");

        assertThat(_get(H3.class, spec -> spec.withId("mailbox-title")).getText()).isEqualTo("Mailbox 101 Alice Archer");
        assertThat(VoicemailViewTest.<MessageEntry>gridRows("voicemail-messages")).filteredOn(entry ->
                entry.id().equals(message.id())).singleElement().satisfies(entry -> assertThat(entry.read()).isFalse());
        assertThat(played(message)).isEqualTo(wav);

        _click((Button) action(message, "mark-read-"));
        assertThat(VoicemailViewTest.<MessageEntry>gridRows("voicemail-messages")).filteredOn(entry ->
                entry.id().equals(message.id())).singleElement().satisfies(entry -> assertThat(entry.read()).isTrue());

        _click((Button) action(message, "delete-"));
        _click(_get(Button.class, spec -> spec.withId("confirm-delete-message")));
        // a push of the filing above, read before the deletion, may be shown after it; the deletion's own push follows
        awaitPush(() -> !shown(message));
        assertThat(VoicemailViewTest.<MessageEntry>gridRows("voicemail-messages")).extracting(MessageEntry::id)
                .doesNotContain(message.id());
        assertThat(new JdbcVoicemailMessages(fixture.database().dataSource(), fixture.nodeId())
                .find(acme101.extensionId(), message.id()).orElseThrow().folder()).isEqualTo(MessageFolder.DELETED);
    }

    @Test
    void anExtensionWithoutMailboxIsListedAndItsMailboxOpenedWithThePinShownOnce() throws Exception {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Older View Co", 5);
        IssuedCredentials older = fixture.extensions.create(fixture.actor(customer.admin()), customer.id(), "201", "Made long ago");
        try (Connection connection = fixture.database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("delete from voicemail_box where extension_id = ?")) {
            statement.setObject(1, older.extension().id());
            assertThat(statement.executeUpdate()).as("the extension made as before every one got its mailbox").isEqualTo(1);
        }
        submitLogin(customer.admin(), customer.password());
        navigate("tenants/" + customer.id() + "/voicemail");

        assertThat(VoicemailViewTest.<MailboxSummary>gridRows("mailboxes")).isEmpty();
        Grid<?> without = _get(Grid.class, spec -> spec.withId("without-mailbox"));
        assertThat(GridKt._getFormattedRow(without, 0)).containsSequence("201", "Made long ago", "no mailbox");
        Button open = (Button) GridKt._getCellComponent(without, 0, "actions");
        assertThat(open.getId()).contains("open-new-mailbox-201");
        _click(open);

        String pin = _get(Span.class, spec -> spec.withId("voicemail-pin")).getText();
        Mailbox opened = new JdbcMailboxes(fixture.database().dataSource()).find(customer.id(), "201").orElseThrow();
        assertThat(opened.settings().enabled()).isTrue();
        assertThat(opened.pin().matches(pin)).isTrue();
        _click(_get(Button.class, spec -> spec.withId("opened-mailbox-done")));
        _assertNone(Span.class, spec -> spec.withId("voicemail-pin"));
        assertThat(VoicemailViewTest.<MailboxSummary>gridRows("mailboxes")).extracting(MailboxSummary::number)
                .containsExactly("201");
        assertThat(without.isVisible()).isFalse();
    }

    /** The control {@code prefix + id} in the message's row. */
    private static Component action(VoicemailMessage message, String prefix) {
        Grid<MessageEntry> grid = _get(Grid.class, spec -> spec.withId("voicemail-messages"));
        int row = VoicemailViewTest.<MessageEntry>gridRows("voicemail-messages").stream().map(MessageEntry::id).toList()
                .indexOf(message.id());
        return GridKt._getCellComponent(grid, row, "actions").getChildren()
                .filter(control -> control.getId().orElse("").equals(prefix + message.id())).findFirst().orElseThrow();
    }

    /** What the page's player plays once Play is clicked, as the browser would fetch it, and the download the same. */
    private static byte[] played(VoicemailMessage message) throws Exception {
        _click((Button) action(message, "play-"));
        Element player = audioIn(_get(VoicemailPanel.class).getElement()).orElseThrow();
        byte[] playing = served(player.getAttribute("src"));
        Anchor download = (Anchor) action(message, "download-");
        assertThat(download.getElement().getAttribute("download")).isNotNull();
        return playing;
    }

    private static byte[] served(String url) throws Exception {
        StreamResource resource = (StreamResource) VaadinSession.getCurrent().getResourceRegistry()
                .getResource(URI.create(url)).orElseThrow();
        assertThat(resource.getContentTypeResolver().apply(resource, null)).isEqualTo("audio/wav");
        ByteArrayOutputStream served = new ByteArrayOutputStream();
        resource.getWriter().accept(served, VaadinSession.getCurrent());
        return served.toByteArray();
    }

    private static Optional<Element> audioIn(Element element) {
        if (element.isTextNode()) {
            return Optional.empty();
        }
        if (element.getTag().equals("audio")) {
            return Optional.of(element);
        }
        return element.getChildren().map(VoicemailViewTest::audioIn).flatMap(Optional::stream).findFirst();
    }

    @Test
    void badSettingsAreRefusedBesideTheirFieldsInPlainWords() {
        signIn(TENANT_USER_USERNAME);
        navigate("my-voicemail");

        _setValue(_get(IntegerField.class, spec -> spec.withId("mailbox-no-answer")), 100_000);
        _setValue(_get(PasswordField.class, spec -> spec.withId("mailbox-pin")), "1234");
        _click(_get(Button.class, spec -> spec.withId("save-mailbox")));

        assertThat(_get(IntegerField.class, spec -> spec.withId("mailbox-no-answer")).getErrorMessage())
                .isEqualTo("The extension rings 5 to 120 seconds (whole seconds) before voicemail answers");
        assertThat(_get(PasswordField.class, spec -> spec.withId("mailbox-pin")).getErrorMessage())
                .startsWith("A PIN of digits in a row");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mailbox-saved")).getText()).isEmpty();

        _setValue(_get(IntegerField.class, spec -> spec.withId("mailbox-no-answer")), 30);
        _setValue(_get(PasswordField.class, spec -> spec.withId("mailbox-pin")), "");
        _click(_get(Button.class, spec -> spec.withId("save-mailbox")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("mailbox-saved")).getText()).isEqualTo("Settings saved");
        assertThat(_get(IntegerField.class, spec -> spec.withId("mailbox-no-answer")).isInvalid()).isFalse();
    }

    @Test
    void theAdminOpensAMailboxAndANewMessageIsPushedToIt() throws Exception {
        signIn(TENANT_ADMIN_USERNAME);
        navigate("tenants/" + fixture.acme() + "/voicemail");
        assertThat(VoicemailViewTest.<MailboxSummary>gridRows("mailboxes")).extracting(MailboxSummary::number).contains("101");
        Grid<MailboxSummary> mailboxes = _get(Grid.class, spec -> spec.withId("mailboxes"));
        int row = VoicemailViewTest.<MailboxSummary>gridRows("mailboxes").stream().map(MailboxSummary::number).toList()
                .indexOf("101");
        _click((Button) GridKt._getCellComponent(mailboxes, row, "actions"));

        VoicemailMessage pushed = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        // the node's feed starts with the first watcher: a message left before it listens is missed
        while (System.nanoTime() < deadline && !shown(pushed)) {
            pushed = leave("302", new byte[] {1, 2, 3});
            VoicemailMessage awaited = pushed;
            awaitPush(() -> shown(awaited));
        }
        assertThat(shown(pushed)).as("the new message was pushed to the open mailbox").isTrue();
    }

    private static boolean shown(VoicemailMessage message) {
        Grid<MessageEntry> grid = _get(Grid.class, spec -> spec.withId("voicemail-messages"));
        for (int i = 0; message != null && i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).id().equals(message.id())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anotherTenantsAdminFindsNoSuchCustomerAndEachRoleOnlyItsOwnPage() {
        signIn(OTHER_TENANT_ADMIN_USERNAME);
        navigate("tenants/" + fixture.acme() + "/voicemail");
        _assertOne(NotFoundView.class);

        signIn(TENANT_USER_USERNAME);
        navigate("tenants/" + fixture.acme() + "/voicemail");
        _assertOne(NoAccessView.class);

        signIn(TENANT_ADMIN_USERNAME);
        navigate("my-voicemail");
        _assertOne(NoAccessView.class);
    }
}
