package org.tandem.administration.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.Permission;
import org.tandem.administration.access.Scope;
import org.tandem.administration.shared.DisplayNames;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.registration.TenantRegistrations;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class DefaultRegistrationService implements RegistrationService {

    private static final Permission SEE = Permission.administerTenant("see registrations");

    @Inject
    private TenantRepository tenants;
    @Inject
    private DisplayNames displayNames;
    @Inject
    private TenantRegistrations registrations;
    @Inject
    private RegistrationChanges changes;
    private final Clock clock = Clock.systemUTC();

    @Override
    public List<RegisteredPhone> registrations(Actor actor, UUID tenantId) {
        Tenant tenant = Scope.tenant(actor, SEE, tenants, tenantId);
        if (!tenant.isActive()) {
            // the registrar refuses a suspended tenant's phones; the bindings they hold until they expire
            // are no registered phones
            return List.of();
        }
        Map<String, String> names = displayNames.ofExtensions(tenant.id());
        Map<UUID, String> nodeNames = displayNames.ofNodes();
        return registrations.activeOf(tenant.id(), clock.instant()).stream()
                .map(binding -> phone(binding, names, nodeNames))
                .toList();
    }

    @Override
    public AutoCloseable watch(Actor actor, UUID tenantId, Runnable onChange) {
        return changes.watch(Scope.tenant(actor, SEE, tenants, tenantId).id(), onChange);
    }

    private static RegisteredPhone phone(Registration binding, Map<String, String> names, Map<UUID, String> nodeNames) {
        return RegisteredPhone.of(binding, names.getOrDefault(binding.aor().extension().digits(), "(deleted extension)"),
                nodeNames.getOrDefault(binding.nodeId(), "?"));
    }
}
