package org.tandem.portal.support;

import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The account repository as a map, for browserless tests; storage's JPA one is tested against PostgreSQL. */
public final class InMemoryPortalAccounts implements PortalAccountRepository {

    private final Map<String, PortalAccount> byUsername = new ConcurrentHashMap<>();

    @Override
    public void add(PortalAccount account) {
        if (byUsername.putIfAbsent(account.username(), account) != null) {
            throw new IllegalStateException("username taken: " + account.username());
        }
    }

    @Override
    public Optional<PortalAccount> findByUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }
}
