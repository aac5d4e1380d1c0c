package org.tandem.administration.apitoken;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.access.Permission;
import org.tandem.administration.shared.FieldChecks;
import org.tandem.domain.account.Role;
import org.tandem.domain.apitoken.ApiToken;
import org.tandem.domain.apitoken.ApiTokenRepository;
import org.tandem.domain.apitoken.ApiTokenSecret;
import org.tandem.domain.shared.Names;
import org.tandem.domain.tenant.HomeNodeCheck;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class DefaultApiTokenService implements ApiTokenService {

    private static final String NO_SUCH_TOKEN = "No such API token";
    /** Not the operator: its login reaches every tenant, too much for a secret that sits in a script. */
    private static final Permission USE = Permission.to("use API tokens", Role.RESELLER_ADMIN, Role.TENANT_ADMIN);

    @Inject
    private ApiTokenRepository tokens;
    @Inject
    private HomeNodeCheck homeNode;
    @Inject
    private Clock clock;

    @Override
    public IssuedApiToken issue(Actor actor, String name, Instant expiresAt) {
        USE.require(actor);
        // as the database keeps it, so this answer and later ones show the same time
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        FieldChecks checks = new FieldChecks();
        Optional<String> checkedName = checks.check(NAME, () -> Names.required(name, "Token name"));
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            checks.problem(EXPIRES_AT, "The expiry must be in the future (leave it out for a token that never expires)");
        }
        checks.throwIfAny();
        requireHomeOfTenant(actor);
        ApiTokenSecret secret = ApiTokenSecret.generate();
        ApiToken token = ApiToken.issue(actor.accountId(), actor.username(), checkedName.orElseThrow(), secret, now,
                expiresAt);
        tokens.add(token);
        return new IssuedApiToken(summary(token, now), secret.text());
    }

    @Override
    public List<ApiTokenSummary> tokens(Actor actor) {
        USE.require(actor);
        Instant now = clock.instant();
        return inScope(actor).stream().map(token -> summary(token, now)).toList();
    }

    @Override
    public ApiTokenSummary revoke(Actor actor, UUID tokenId) {
        USE.require(actor);
        requireHomeOfTenant(actor);
        Instant now = clock.instant();
        ApiToken token = inScope(actor).stream()
                .filter(candidate -> candidate.id().equals(tokenId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(NO_SUCH_TOKEN));
        tokens.revoke(token.id(), now);
        return summary(tokens.find(token.id()).orElseThrow(() -> new NotFoundException(NO_SUCH_TOKEN)), now);
    }

    private List<ApiToken> inScope(Actor actor) {
        return actor.is(Role.RESELLER_ADMIN) ? tokens.ofReseller(actor.resellerId()) : tokens.ofTenant(actor.tenantId());
    }

    /** A tenant admin's tokens are its tenant's configuration: changed on the tenant's home node only. */
    private void requireHomeOfTenant(Actor actor) {
        if (actor.tenantId() != null) {
            homeNode.requireHomeOf(actor.tenantId());
        }
    }

    static ApiTokenSummary summary(ApiToken token, Instant now) {
        return new ApiTokenSummary(token.id(), token.name(), ApiTokenSecret.MARK + token.prefix(),
                token.accountUsername(), token.status(now), token.createdAt(), token.expiresAt(), token.revokedAt(),
                token.lastUsedAt());
    }
}
