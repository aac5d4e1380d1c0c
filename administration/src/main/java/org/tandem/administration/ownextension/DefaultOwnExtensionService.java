package org.tandem.administration.ownextension;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.Permission;
import org.tandem.administration.calls.CallEntry;
import org.tandem.administration.registration.RegisteredPhone;
import org.tandem.administration.registration.RegistrationChanges;
import org.tandem.administration.shared.DisplayNames;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.account.Role;
import org.tandem.domain.call.CallHistory;
import org.tandem.domain.call.CallRecord;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionRepository;
import org.tandem.domain.registration.TenantRegistrations;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads only. The extension comes from the login as stored now, never from the request: a tenant
 * user has no id to tamper with, and one whose link was changed or dropped sees that at once.
 */
@ApplicationScoped
@Transactional
public class DefaultOwnExtensionService implements OwnExtensionService {

    private static final Permission SEE = Permission.to("see an own extension", Role.TENANT_USER);

    @Inject
    private PortalAccountRepository accounts;
    @Inject
    private TenantRepository tenants;
    @Inject
    private ExtensionRepository extensions;
    @Inject
    private DisplayNames displayNames;
    @Inject
    private TenantRegistrations registrations;
    @Inject
    private CallHistory history;
    @Inject
    private RegistrationChanges changes;
    private final Clock clock = Clock.systemUTC();

    @Override
    public Optional<OwnExtension> ownExtension(Actor actor) {
        SEE.require(actor);
        Optional<Extension> own = accounts.findByUsername(actor.username())
                .filter(account -> account.id().equals(actor.accountId()))
                .flatMap(PortalAccount::extensionId)
                .flatMap(id -> extensions.find(actor.tenantId(), id));
        return own.map(this::overview);
    }

    @Override
    public AutoCloseable watch(Actor actor, Runnable onChange) {
        SEE.require(actor);
        return changes.watch(actor.tenantId(), onChange);
    }

    private OwnExtension overview(Extension extension) {
        String number = extension.number().digits();
        Instant now = clock.instant();
        Map<UUID, String> nodeNames = displayNames.ofNodes();
        // the registrar refuses a suspended tenant's phones: the bindings they hold are no registered phones
        boolean served = tenants.find(extension.tenantId()).filter(Tenant::isActive).isPresent();
        List<RegisteredPhone> phones = !served ? List.of() : registrations.activeOf(extension.tenantId(), now).stream()
                .filter(binding -> binding.aor().extension().digits().equals(number))
                .map(binding -> RegisteredPhone.of(binding, extension.displayName(),
                        nodeNames.getOrDefault(binding.nodeId(), "?")))
                .toList();
        List<CallRecord> calls = history.calls(extension.tenantId(), now.minus(Duration.ofDays(RECENT_DAYS)), now,
                number, null, SHOWN + 1);
        return new OwnExtension(number, extension.displayName(), phones,
                calls.stream().limit(SHOWN).map(CallEntry::of).toList(), calls.size() > SHOWN);
    }
}
