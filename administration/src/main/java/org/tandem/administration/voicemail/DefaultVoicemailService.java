package org.tandem.administration.voicemail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.access.Permission;
import org.tandem.administration.access.Scope;
import org.tandem.administration.shared.FieldChecks;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.account.Role;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.ExtensionRepository;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;
import org.tandem.domain.voicemail.EmailNotification;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.MailboxSettings;
import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.MessageFolder;
import org.tandem.domain.voicemail.MessageWaiting;
import org.tandem.domain.voicemail.VoicemailMessage;
import org.tandem.domain.voicemail.VoicemailMessages;
import org.tandem.domain.voicemail.VoicemailPin;
import org.tandem.files.FilePath;
import org.tandem.files.FilesException;
import org.tandem.files.FilesFailure;
import org.tandem.files.SharedFiles;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Not {@code @Transactional}: a mailbox is written by its repository in a transaction of its own, after
 * the home-node check (as ring groups are), and messages are filed by whichever node is asked.
 */
@ApplicationScoped
public class DefaultVoicemailService implements VoicemailService {

    static final String NO_SUCH_MAILBOX = "No such mailbox";
    static final String NO_SUCH_MESSAGE = "No such message";
    private static final Permission OPEN = Permission.administerTenant("open mailboxes");
    private static final Permission USE = Permission.to("use voicemail", Role.OPERATOR, Role.RESELLER_ADMIN,
            Role.TENANT_ADMIN, Role.TENANT_USER);

    @Inject
    private Mailboxes mailboxes;
    @Inject
    private VoicemailMessages messages;
    @Inject
    private TenantRepository tenants;
    @Inject
    private PortalAccountRepository accounts;
    @Inject
    private ExtensionRepository extensions;
    @Inject
    private SharedFiles files;
    @Inject
    private VoicemailChanges changes;

    @Override
    public List<MailboxSummary> mailboxes(Actor actor, UUID tenantId) {
        Tenant tenant = Scope.tenant(actor, USE, tenants, tenantId);
        if (actor.is(Role.TENANT_USER)) {
            return ownMailbox(actor).flatMap(number -> mailboxes.find(tenant.id(), number)).stream()
                    .map(this::summary).toList();
        }
        return mailboxes.ofTenant(tenant.id()).stream().map(this::summary).toList();
    }

    @Override
    public List<ExtensionWithoutMailbox> withoutMailbox(Actor actor, UUID tenantId) {
        Tenant tenant = Scope.tenant(actor, USE, tenants, tenantId);
        if (actor.is(Role.TENANT_USER)) {
            return List.of();
        }
        Set<UUID> opened = mailboxes.ofTenant(tenant.id()).stream().map(Mailbox::extensionId).collect(Collectors.toSet());
        return extensions.ofTenant(tenant.id()).stream()
                .filter(extension -> !opened.contains(extension.id()))
                .map(extension -> new ExtensionWithoutMailbox(extension.number().digits(), extension.displayName()))
                .toList();
    }

    @Override
    public OpenedMailbox open(Actor actor, UUID tenantId, String number) {
        Tenant tenant = Scope.tenant(actor, OPEN, tenants, tenantId);
        Scope.requireChangeable(actor, tenant);
        Extension extension = extension(tenant, number);
        String pin = VoicemailPin.generateDigits(extension.number());
        Mailbox opened = Mailbox.open(extension.id(), tenant.id(), extension.number(),
                VoicemailPin.choose(pin, extension.number()));
        mailboxes.add(opened);
        return new OpenedMailbox(summary(opened), pin);
    }

    @Override
    public Optional<String> ownMailbox(Actor actor) {
        if (!actor.is(Role.TENANT_USER)) {
            return Optional.empty();
        }
        // the extension comes from the login as stored now, never from the request
        return accounts.findByUsername(actor.username())
                .filter(account -> account.id().equals(actor.accountId()))
                .flatMap(PortalAccount::extensionId)
                .flatMap(id -> extensions.find(actor.tenantId(), id))
                .map(extension -> extension.number().digits())
                .filter(number -> mailboxes.find(actor.tenantId(), number).isPresent());
    }

    @Override
    public MailboxSummary mailbox(Actor actor, UUID tenantId, String number) {
        return summary(reach(actor, tenantId, number));
    }

    @Override
    public List<MessageEntry> messages(Actor actor, UUID tenantId, String number) {
        Mailbox mailbox = reach(actor, tenantId, number);
        return Stream.concat(messages.inFolder(mailbox.extensionId(), MessageFolder.NEW).stream(),
                        messages.inFolder(mailbox.extensionId(), MessageFolder.SAVED).stream())
                .sorted(Comparator.comparing(VoicemailMessage::receivedAt).reversed())
                .map(DefaultVoicemailService::entry)
                .toList();
    }

    @Override
    public MessageEntry markRead(Actor actor, UUID tenantId, String number, UUID messageId) {
        VoicemailMessage message = message(reach(actor, tenantId, number), messageId);
        MessageFolder now = messages.file(message.mailboxId(), message.id(), MessageFolder.SAVED)
                .filter(folder -> folder != MessageFolder.DELETED)
                .orElseThrow(() -> new NotFoundException(NO_SUCH_MESSAGE));
        return entry(message.filedIn(now));
    }

    @Override
    public void delete(Actor actor, UUID tenantId, String number, UUID messageId) {
        VoicemailMessage message = message(reach(actor, tenantId, number), messageId);
        messages.file(message.mailboxId(), message.id(), MessageFolder.DELETED);
    }

    @Override
    public MessageAudio audio(Actor actor, UUID tenantId, String number, UUID messageId) {
        VoicemailMessage message = message(reach(actor, tenantId, number), messageId);
        FilePath path = FilePath.parse(message.file());
        try {
            long size = files.size(path);
            InputStream content = files.newInputStream(path);
            return new MessageAudio(message.id() + ".wav", size, content);
        } catch (FilesException e) {
            if (e.failure() == FilesFailure.NOT_FOUND) {
                throw new NotFoundException("The recording of this message is missing");
            }
            throw new VoicemailUnavailableException("The recording cannot be read now: " + e.failure().words(), e);
        }
    }

    @Override
    public MailboxSummary changeSettings(Actor actor, UUID tenantId, String number, MailboxChange change) {
        Mailbox current = reach(actor, tenantId, number);
        Scope.requireChangeable(actor, tenants.find(current.tenantId()).orElseThrow());
        FieldChecks checks = new FieldChecks();
        Optional<EmailNotification> address = checks.check(EMAIL, () -> EmailNotification.to(change.email(), false));
        Optional<EmailNotification> notification = address.isEmpty() ? Optional.empty()
                : checks.check(ATTACH_AUDIO, () -> EmailNotification.to(change.email(), change.attachAudio()));
        if (change.enabled() == null) {
            checks.problem(ENABLED, "Choose whether callers reach the mailbox");
        }
        if (change.noAnswerSeconds() == null) {
            checks.problem(NO_ANSWER, "Enter how many seconds the extension rings before voicemail answers");
        }
        // the domain's rule on the ringing time, checked alone so its message names that field only
        Optional<Duration> noAnswer = change.noAnswerSeconds() == null ? Optional.empty()
                : checks.check(NO_ANSWER, () -> new MailboxSettings(true, Duration.ofSeconds(change.noAnswerSeconds()),
                current.settings().greetings(), EmailNotification.NONE).noAnswer());
        VoicemailPin pin = current.pin();
        if (change.newPin() != null && !change.newPin().isBlank()) {
            Optional<String> problem = VoicemailPin.problemWith(change.newPin().strip(), current.extension());
            problem.ifPresent(words -> checks.problem(PIN, words));
            if (problem.isEmpty()) {
                pin = VoicemailPin.choose(change.newPin().strip(), current.extension());
            }
        }
        checks.throwIfAny();
        MailboxSettings chosen = new MailboxSettings(change.enabled(), noAnswer.orElseThrow(),
                current.settings().greetings(), notification.orElseThrow());
        Mailbox changed = new Mailbox(current.extensionId(), current.tenantId(), current.extension(), pin, chosen);
        if (!mailboxes.replace(changed)) {
            throw new NotFoundException(NO_SUCH_MAILBOX);
        }
        return summary(changed);
    }

    @Override
    public AutoCloseable watch(Actor actor, UUID tenantId, Runnable onChange) {
        List<AutoCloseable> handles = new ArrayList<>();
        for (MailboxSummary mailbox : mailboxes(actor, tenantId)) {
            UUID mailboxId = mailboxes.find(tenantId, mailbox.number()).orElseThrow().extensionId();
            handles.add(changes.watch(mailboxId, onChange));
        }
        return () -> {
            for (AutoCloseable handle : handles) {
                handle.close();
            }
        };
    }

    /** The mailbox {@code number} of the tenant, if the actor reaches both, else not found. */
    private Mailbox reach(Actor actor, UUID tenantId, String number) {
        Tenant tenant = Scope.tenant(actor, USE, tenants, tenantId);
        if (actor.is(Role.TENANT_USER) && !ownMailbox(actor).filter(own -> own.equals(number)).isPresent()) {
            throw new NotFoundException(NO_SUCH_MAILBOX);
        }
        return mailboxes.find(tenant.id(), number).orElseThrow(() -> new NotFoundException(NO_SUCH_MAILBOX));
    }

    /** Extension {@code number} of the tenant; a malformed number is as not found as a free one. */
    private Extension extension(Tenant tenant, String number) {
        Optional<Extension> found;
        try {
            found = extensions.find(tenant.id(), new ExtensionNumber(number));
        } catch (IllegalArgumentException malformed) {
            found = Optional.empty();
        }
        return found.orElseThrow(() -> new NotFoundException("No such extension"));
    }

    /** A message of the mailbox that is not deleted; anything else, another mailbox's included, is not found. */
    private VoicemailMessage message(Mailbox mailbox, UUID messageId) {
        return Optional.ofNullable(messageId)
                .flatMap(id -> messages.find(mailbox.extensionId(), id))
                .filter(message -> message.tenantId().equals(mailbox.tenantId())
                        && message.folder() != MessageFolder.DELETED)
                .orElseThrow(() -> new NotFoundException(NO_SUCH_MESSAGE));
    }

    private MailboxSummary summary(Mailbox mailbox) {
        MessageWaiting counts = messages.waiting(mailbox.extensionId());
        String name = extensions.find(mailbox.tenantId(), mailbox.extension()).map(Extension::displayName).orElse("");
        MailboxSettings settings = mailbox.settings();
        return new MailboxSummary(mailbox.extension().digits(), name, settings.enabled(),
                Math.toIntExact(settings.noAnswer().toSeconds()), settings.notification().address().orElse(null),
                settings.notification().attachAudio(), counts.newMessages(), counts.savedMessages());
    }

    private static MessageEntry entry(VoicemailMessage message) {
        return new MessageEntry(message.id(), message.folder(), message.caller().number(),
                message.caller().name().orElse(null), message.receivedAt(),
                Math.toIntExact(message.duration().toSeconds()), message.folder() != MessageFolder.NEW);
    }
}
