package org.tandem.administration.prompts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.Permission;
import org.tandem.administration.access.Scope;
import org.tandem.administration.shared.FieldChecks;
import org.tandem.domain.tenant.HomeNodeCheck;
import org.tandem.domain.tenant.PromptLanguage;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class DefaultPromptLanguageService implements PromptLanguageService {

    private static final Permission SEE = Permission.administerTenant("see the prompt language");
    private static final Permission CHANGE = Permission.administerTenant("change the prompt language");

    @Inject
    private TenantRepository tenants;
    @Inject
    private HomeNodeCheck homeNode;

    @Override
    public List<PromptLanguage> offered() {
        // read at each call: a sound set installed while the node runs is offered at once
        return PromptLanguage.installedIn(PromptLanguage.soundsFolder(System.getProperties()));
    }

    @Override
    public PromptLanguage of(Actor actor, UUID tenantId) {
        return Scope.tenant(actor, SEE, tenants, tenantId).promptLanguage();
    }

    @Override
    public PromptLanguage change(Actor actor, UUID tenantId, String language) {
        Tenant tenant = Scope.tenantToChange(actor, CHANGE, tenants, tenantId, homeNode);
        FieldChecks checks = new FieldChecks();
        Optional<PromptLanguage> chosen = checks.check(LANGUAGE, () -> new PromptLanguage(language == null ? "" : language));
        List<PromptLanguage> offered = offered();
        chosen.filter(code -> !offered.contains(code)).ifPresent(code -> checks.problem(LANGUAGE, "No prompts in '" + code
                + "' are installed on this node: choose one of " + offered.stream().map(PromptLanguage::code)
                .collect(Collectors.joining(", "))));
        checks.throwIfAny();
        tenant.changePromptLanguage(chosen.orElseThrow());
        return tenant.promptLanguage();
    }
}
