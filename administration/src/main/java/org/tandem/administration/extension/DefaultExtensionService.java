package org.tandem.administration.extension;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.access.Permission;
import org.tandem.administration.access.Scope;
import org.tandem.administration.account.PasswordStrength;
import org.tandem.administration.account.Usernames;
import org.tandem.administration.shared.FieldChecks;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.shared.OverPlanException;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.ExtensionRepository;
import org.tandem.domain.shared.Names;
import org.tandem.domain.tenant.HomeNodeCheck;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.NewMailboxes;
import org.tandem.domain.voicemail.VoicemailPin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class DefaultExtensionService implements ExtensionService {

    private static final Permission MANAGE = Permission.administerTenant("manage extensions");

    @Inject
    private TenantRepository tenants;
    @Inject
    private ExtensionRepository extensions;
    @Inject
    private PortalAccountRepository accounts;
    @Inject
    private HomeNodeCheck homeNode;
    @Inject
    private NewMailboxes mailboxes;
    private final CsvImportLimits importLimits = CsvImportLimits.fromSystemProperties();

    @Override
    public TenantExtensions extensions(Actor actor, UUID tenantId) {
        Tenant tenant = Scope.tenant(actor, MANAGE, tenants, tenantId);
        Map<UUID, String> logins = new HashMap<>();
        for (PortalAccount account : accounts.ofTenant(tenant.id())) {
            account.extensionId().ifPresent(extensionId -> logins.putIfAbsent(extensionId, account.username()));
        }
        return new TenantExtensions(tenant.id(), tenant.companyName(), tenant.sipDomain().name(),
                tenant.limits().maxExtensions(), extensions.ofTenant(tenant.id()).stream()
                .map(extension -> summary(extension, logins.get(extension.id()))).toList());
    }

    @Override
    public IssuedCredentials create(Actor actor, UUID tenantId, String number, String displayName) {
        Tenant tenant = numbersToChange(actor, tenantId);
        FieldChecks checks = new FieldChecks();
        Optional<ExtensionNumber> checkedNumber = checks.check(NUMBER, () -> new ExtensionNumber(strip(number)));
        Optional<String> name = checks.check(DISPLAY_NAME, () -> Names.required(displayName, "Display name"));
        checkedNumber.flatMap(free -> takenProblem(tenant, free)).ifPresent(problem -> checks.taken(NUMBER, problem));
        checks.throwIfAny();
        requireRoom(tenant, 1);
        return issue(tenant, List.of(new Wanted(checkedNumber.orElseThrow(), name.orElseThrow()))).getFirst();
    }

    @Override
    public ExtensionSummary rename(Actor actor, UUID tenantId, UUID extensionId, String displayName) {
        Extension extension = extensionToChange(actor, tenantId, extensionId);
        FieldChecks checks = new FieldChecks();
        checks.check(DISPLAY_NAME, () -> Names.required(displayName, "Display name")).ifPresent(extension::rename);
        checks.throwIfAny();
        return summary(extension, login(extension));
    }

    @Override
    public IssuedCredentials newSipPassword(Actor actor, UUID tenantId, UUID extensionId) {
        Tenant tenant = toChange(actor, tenantId);
        Extension extension = extension(tenant, extensionId);
        String password = SipPasswords.generate();
        extension.changeSipPassword(tenant, password.toCharArray());
        return new IssuedCredentials(summary(extension, login(extension)), tenant.sipDomain().name(), password, null);
    }

    @Override
    public void delete(Actor actor, UUID tenantId, UUID extensionId) {
        extensions.remove(extensionToChange(actor, tenantId, extensionId));
    }

    @Override
    public IssuedPortalLogin createPortalLogin(Actor actor, UUID tenantId, UUID extensionId, String username) {
        Tenant tenant = toChange(actor, tenantId);
        Extension extension = extension(tenant, extensionId);
        FieldChecks checks = new FieldChecks();
        accounts.ofExtension(extension.id()).stream().findFirst().ifPresent(existing -> checks.problem(
                InvalidInputException.WHOLE, "Extension " + extension.number() + " already has the portal login "
                        + existing.username() + ": remove it first"));
        Optional<String> login = Usernames.free(checks, LOGIN_USERNAME, username, accounts);
        checks.throwIfAny();
        String password = portalPassword(login.orElseThrow());
        accounts.add(PortalAccount.tenantUser(login.orElseThrow(), password.toCharArray(), tenant.id(), extension.id()));
        return new IssuedPortalLogin(summary(extension, login.orElseThrow()), login.orElseThrow(), password);
    }

    @Override
    public void removePortalLogin(Actor actor, UUID tenantId, UUID extensionId) {
        Extension extension = extensionToChange(actor, tenantId, extensionId);
        List<PortalAccount> logins = accounts.ofExtension(extension.id());
        if (logins.isEmpty()) {
            throw new NotFoundException("Extension " + extension.number() + " has no portal login");
        }
        logins.forEach(accounts::remove);
    }

    /** A SIP-grade random password that also meets the rules a person's chosen one must (it almost always does at once). */
    private static String portalPassword(String username) {
        String password;
        do {
            password = SipPasswords.generate();
        } while (PasswordStrength.problem(username, password.toCharArray()).isPresent());
        return password;
    }

    @Override
    public ImportResult importCsv(Actor actor, UUID tenantId, String csv) {
        Tenant tenant = numbersToChange(actor, tenantId);
        List<ImportProblem> problems = new ArrayList<>();
        List<CsvImport.Line> lines = CsvImport.read(csv, importLimits, problems);
        Set<String> inFile = new HashSet<>();
        for (CsvImport.Line line : lines) {
            lineProblem(tenant, line, inFile).ifPresentOrElse(
                    problem -> problems.add(new ImportProblem(line.number(), line.extension() + "," + line.displayName(), problem)),
                    () -> inFile.add(line.extension()));
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(0, "", "The file has no extensions: one a line, like 101,Alice Archer"));
        }
        long room = tenant.limits().maxExtensions() - extensions.countOfTenant(tenant.id());
        if (problems.isEmpty() && lines.size() > room) {
            problems.add(new ImportProblem(0, "", overPlan(tenant, lines.size())));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ImportProblem::line));
            return ImportResult.refused(problems);
        }
        return ImportResult.allCreated(issue(tenant, lines.stream()
                .map(line -> new Wanted(new ExtensionNumber(line.extension()), Names.required(line.displayName(), "name")))
                .toList()));
    }

    private Optional<String> lineProblem(Tenant tenant, CsvImport.Line line, Set<String> inFile) {
        ExtensionNumber number;
        try {
            number = new ExtensionNumber(line.extension());
            Names.required(line.displayName(), "Display name");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (inFile.contains(line.extension())) {
            return Optional.of("Extension " + line.extension() + " is listed twice in this file");
        }
        return takenProblem(tenant, number);
    }

    /** An extension to make: its number, checked free, and its person's name. */
    private record Wanted(ExtensionNumber number, String displayName) {
    }

    /** A new extension's PIN, in digits to show once and as the hash kept. */
    private record NewPin(String digits, VoicemailPin pin) {
        static NewPin of(ExtensionNumber extension) {
            String digits = VoicemailPin.generateDigits(extension);
            return new NewPin(digits, VoicemailPin.choose(digits, extension));
        }
    }

    /**
     * Makes the extensions, each with its mailbox opened, enabled, under a generated PIN. The PINs are
     * hashed on every core at once: each hash is slow on purpose, and a large import makes many.
     */
    private List<IssuedCredentials> issue(Tenant tenant, List<Wanted> wanted) {
        List<NewPin> pins = wanted.parallelStream().map(one -> NewPin.of(one.number())).toList();
        List<IssuedCredentials> issued = new ArrayList<>();
        List<Mailbox> opened = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String password = SipPasswords.generate();
            Extension extension = new Extension(tenant, wanted.get(i).number(), wanted.get(i).displayName(),
                    password.toCharArray());
            extensions.add(extension);
            opened.add(Mailbox.open(extension.id(), tenant.id(), extension.number(), pins.get(i).pin()));
            issued.add(new IssuedCredentials(summary(extension, null), tenant.sipDomain().name(), password,
                    pins.get(i).digits()));
        }
        mailboxes.open(opened);
        return issued;
    }

    /** Checked before the insert, so an expected duplicate never reaches the database as an error. */
    private Optional<String> takenProblem(Tenant tenant, ExtensionNumber number) {
        return extensions.holderOf(tenant.id(), number).map(holder -> switch (holder) {
            case EXTENSION -> "Extension " + number + " already exists";
            case RING_GROUP -> "Number " + number + " is already a ring group";
        });
    }

    private void requireRoom(Tenant tenant, int more) {
        if (extensions.countOfTenant(tenant.id()) + more > tenant.limits().maxExtensions()) {
            throw new OverPlanException(overPlan(tenant, more));
        }
    }

    private String overPlan(Tenant tenant, int more) {
        long used = extensions.countOfTenant(tenant.id());
        int allowed = tenant.limits().maxExtensions();
        return "The plan allows " + allowed + " extensions and " + used + " exist"
                + (more == 1 ? "" : ", so " + more + " more do not fit")
                + ": delete some, or ask your reseller for a larger plan";
    }

    private Extension extensionToChange(Actor actor, UUID tenantId, UUID extensionId) {
        return extension(toChange(actor, tenantId), extensionId);
    }

    private Extension extension(Tenant tenant, UUID extensionId) {
        return (extensionId == null ? Optional.<Extension>empty() : extensions.find(tenant.id(), extensionId))
                .orElseThrow(() -> new NotFoundException("No such extension"));
    }

    /** The tenant whose extensions change, on its home node only. */
    private Tenant toChange(Actor actor, UUID tenantId) {
        return Scope.tenantToChange(actor, MANAGE, tenants, tenantId, homeNode);
    }

    /**
     * The tenant whose numbers change, as {@link #toChange}, with its numbers locked until the
     * transaction ends, before the tenant (and its plan) is read: what is counted and checked here
     * stays true until the insert.
     */
    private Tenant numbersToChange(Actor actor, UUID tenantId) {
        MANAGE.require(actor);
        if (tenantId != null) {
            extensions.lockNumbers(tenantId);
        }
        return toChange(actor, tenantId);
    }

    private String login(Extension extension) {
        return accounts.ofExtension(extension.id()).stream().findFirst().map(PortalAccount::username).orElse(null);
    }

    private static ExtensionSummary summary(Extension extension, String portalLogin) {
        return new ExtensionSummary(extension.id(), extension.number().digits(), extension.displayName(),
                extension.maxContacts(), portalLogin);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
