package org.tandem.administration.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.shared.FieldChecks;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.tenant.HomeNodeCheck;

import java.util.Arrays;

@ApplicationScoped
@Transactional
public class DefaultAccountService implements AccountService {

    @Inject
    private PortalAccountRepository accounts;
    @Inject
    private HomeNodeCheck homeNode;

    @Override
    public void changePassword(Actor actor, char[] current, char[] newPassword, char[] repeated) {
        // the login as stored now: one deleted since sign-in changes nothing
        PortalAccount account = accounts.findByUsername(actor.username())
                .filter(found -> found.id().equals(actor.accountId()))
                .orElseThrow(() -> new NotFoundException("Your login no longer exists"));
        FieldChecks checks = new FieldChecks();
        if (current == null || current.length == 0) {
            checks.problem(CURRENT, "Enter your current password");
        } else if (!account.canSignIn(current)) {
            checks.problem(CURRENT, "This is not your current password");
        }
        PasswordStrength.problem(account.username(), newPassword).ifPresent(problem -> checks.problem(NEW, problem));
        if (!checks.hasProblem(NEW) && !checks.hasProblem(CURRENT) && Arrays.equals(current, newPassword)) {
            checks.problem(NEW, "The new password must differ from the current one");
        }
        if (!Arrays.equals(newPassword, repeated)) {
            checks.problem(REPEATED, "The two new passwords differ");
        }
        checks.throwIfAny();
        // a tenant's logins are its configuration, written on its home node only
        if (actor.tenantId() != null) {
            homeNode.requireHomeOf(actor.tenantId());
        }
        account.changePassword(newPassword);
    }
}
