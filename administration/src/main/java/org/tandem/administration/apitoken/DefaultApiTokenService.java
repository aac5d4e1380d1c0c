package org.tandem.administration.apitoken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.access.Scope;
import org.tandem.administration.shared.FieldChecks;
import org.tandem.domain.account.ApiToken;
import org.tandem.domain.account.ApiTokenRepository;
import org.tandem.domain.account.Role;
import org.tandem.domain.shared.Names;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class DefaultApiTokenService implements ApiTokenService {

    private ApiTokenRepository tokens;

    /** For CDI's client proxy only. */
    protected DefaultApiTokenService() {
    }

    @Inject
    public DefaultApiTokenService(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    public IssuedApiToken issue(Actor actor, String label) {
        mayHaveTokens(actor);
        FieldChecks checks = new FieldChecks();
        String checked = checks.check(LABEL, () -> Names.required(label, "Token name")).orElse(null);
        checks.throwIfAny();
        ApiToken.Issued issued = ApiToken.issue(checked, actor.role(), actor.resellerId(), actor.tenantId());
        tokens.add(issued.token());
        return new IssuedApiToken(summary(issued.token()), issued.text());
    }

    @Override
    public List<ApiTokenSummary> tokens(Actor actor) {
        mayHaveTokens(actor);
        return tokens.ofScope(actor.resellerId(), actor.tenantId()).stream().map(DefaultApiTokenService::summary).toList();
    }

    @Override
    public void revoke(Actor actor, UUID tokenId) {
        mayHaveTokens(actor);
        ApiToken token = (tokenId == null ? Optional.<ApiToken>empty() : tokens.find(tokenId))
                .filter(found -> found.role() == actor.role()
                        && Objects.equals(found.resellerId().orElse(null), actor.resellerId())
                        && Objects.equals(found.tenantId().orElse(null), actor.tenantId()))
                .orElseThrow(() -> new NotFoundException("No such API token"));
        tokens.remove(token);
    }

    @Override
    public Optional<Actor> authenticate(String presented) {
        return ApiToken.idOf(presented)
                .flatMap(tokens::find)
                .filter(token -> token.matches(presented))
                .map(token -> new Actor(token.id(), "api-token:" + token.label(), token.role(),
                        token.resellerId().orElse(null), token.tenantId().orElse(null)));
    }

    private static void mayHaveTokens(Actor actor) {
        Scope.requireRole(actor, "use API tokens", Role.OPERATOR, Role.RESELLER_ADMIN, Role.TENANT_ADMIN);
    }

    private static ApiTokenSummary summary(ApiToken token) {
        return new ApiTokenSummary(token.id(), token.label(), token.createdAt());
    }
}
