package org.tandem.engine.accounts;

import org.junit.jupiter.api.Test;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.domain.extension.SipCredentials;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDigest;
import org.tandem.domain.tenant.SipDomain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache's rules on a source held in a map that counts its reads, on a clock the test moves.
 * That changes announced by the database reach the cache is tested against PostgreSQL
 * ({@code registrar.AccountChangesTest}, {@code storage.notification.PostgresSipAccountChangesTest}).
 */
class CachedSipAccountsTest {

    private static final SipDomain ALPHA = new SipDomain("alpha.example.com");
    private static final SipDomain BETA = new SipDomain("beta.example.com");
    private static final CachedSipAccounts.Settings SETTINGS =
            new CachedSipAccounts.Settings(Duration.ofSeconds(60), Duration.ofSeconds(60), 100, Duration.ofSeconds(5), 10);

    private final Map<String, SipAccount> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger listings = new AtomicInteger();
    private final AtomicInteger digestReads = new AtomicInteger();
    private final Map<String, SipDigest> digests = new ConcurrentHashMap<>();
    private final AtomicLong now = new AtomicLong();
    private Runnable duringRead = () -> {
    };
    private final SipAccounts source = new SipAccounts() {
        @Override
        public Optional<SipAccount> find(SipDomain domain, String username) {
            reads.incrementAndGet();
            Optional<SipAccount> found = Optional.ofNullable(accounts.get(username + "@" + domain.name()));
            duringRead.run();
            return found;
        }

        @Override
        public SipDigest digestOf(SipDomain domain) {
            digestReads.incrementAndGet();
            return digests.getOrDefault(domain.name(), SipDigest.DEFAULT);
        }

        @Override
        public List<InDomain> all(int limit) {
            listings.incrementAndGet();
            List<InDomain> all = accounts.entrySet().stream().limit(limit).map(entry -> new InDomain(
                    new SipDomain(entry.getKey().substring(entry.getKey().indexOf('@') + 1)), entry.getValue())).toList();
            duringRead.run();
            return all;
        }
    };
    private final CachedSipAccounts cache = new CachedSipAccounts(source, SETTINGS, now::get);

    private static SipAccount account(String number, String password) {
        return account(number, password, SipDigest.DEFAULT);
    }

    private static SipAccount account(String number, String password, SipDigest digest) {
        return new SipAccount(UUID.randomUUID(), true, new ExtensionNumber(number),
                SipCredentials.derive(number, ALPHA.name(), password.toCharArray()), 5, new PlanLimits(10, 10, 10), digest);
    }

    /** An account of {@code number} in {@code domain} as the source holds it from now on. */
    private SipAccount stored(SipDomain domain, String number, String password) {
        return stored(domain, number, password, SipDigest.DEFAULT);
    }

    private SipAccount stored(SipDomain domain, String number, String password, SipDigest digest) {
        SipAccount account = account(number, password, digest);
        accounts.put(number + "@" + domain.name(), account);
        return account;
    }

    /** Looks up 101 of alpha and of beta, and a name alpha does not know. */
    private void findEachOfTwoDomains() {
        cache.find(ALPHA, "101");
        cache.find(BETA, "101");
        cache.find(ALPHA, "999");
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void aKnownAccountIsReadOnceUntilItIsOlderThanItsLifetime() {
        SipAccount alice = stored(ALPHA, "101", "secret");

        assertThat(cache.find(ALPHA, "101")).contains(alice);
        assertThat(cache.find(ALPHA, "101")).contains(alice);
        advance(Duration.ofSeconds(59));
        assertThat(cache.find(ALPHA, "101")).contains(alice);
        assertThat(reads).hasValue(1);

        advance(Duration.ofSeconds(2));
        cache.find(ALPHA, "101");
        assertThat(reads).as("read again once a minute old").hasValue(2);
    }

    @Test
    void aDomainsDigestChoiceIsKeptFromTheFullReadAndReadAgainWhenItsTenantChanges() {
        stored(ALPHA, "101", "secret");
        cache.refreshAll();
        assertThat(cache.digestOf(ALPHA)).isEqualTo(SipDigest.DEFAULT);
        assertThat(digestReads).as("known from the full read").hasValue(0);

        digests.put(ALPHA.name(), SipDigest.SHA_256);
        cache.domainChanged(ALPHA);
        assertThat(cache.digestOf(ALPHA)).isEqualTo(SipDigest.SHA_256);
        assertThat(cache.digestOf(ALPHA)).isEqualTo(SipDigest.SHA_256);
        assertThat(digestReads).hasValue(1);
    }

    @Test
    void beforeAFullReadAnotherDomainsChoiceIsReadAndKeptBriefly() {
        SipDomain nowhere = new SipDomain("nowhere.example.com");
        assertThat(cache.digestOf(nowhere)).as("no tenant: the default").isEqualTo(SipDigest.DEFAULT);
        cache.digestOf(nowhere);
        assertThat(digestReads).hasValue(1);
        advance(SETTINGS.unknownFor().plusSeconds(1));
        cache.digestOf(nowhere);
        assertThat(digestReads).as("read again after the short lifetime").hasValue(2);
    }

    @Test
    void madeUpDomainsAfterAFullReadCostNoReadAndLeaveTheTenantsChoice() {
        stored(ALPHA, "101", "secret", SipDigest.SHA_256);
        digests.put(ALPHA.name(), SipDigest.SHA_256);
        digests.put(BETA.name(), SipDigest.SHA_256); // a tenant without extensions yet
        cache.refreshAll();

        for (int i = 0; i < 10_000; i++) {
            assertThat(cache.digestOf(new SipDomain("d" + i + ".example.net"))).isEqualTo(SipDigest.DEFAULT);
        }
        assertThat(digestReads).as("reads for 10,000 made-up domains").hasValue(0);
        assertThat(cache.digestOf(BETA)).as("no extension: nobody to challenge yet").isEqualTo(SipDigest.DEFAULT);
        assertThat(cache.digestOf(ALPHA)).isEqualTo(SipDigest.SHA_256);
        assertThat(digestReads).hasValue(0);
    }

    @Test
    void aTenantGivenItsFirstExtensionIsChallengedWithItsChoiceOnceNoticed() {
        stored(ALPHA, "101", "secret");
        digests.put(BETA.name(), SipDigest.SHA_256);
        cache.refreshAll();
        assertThat(cache.digestOf(BETA)).isEqualTo(SipDigest.DEFAULT);

        stored(BETA, "201", "secret", SipDigest.SHA_256);
        cache.accountChanged(BETA, "201");

        assertThat(cache.digestOf(BETA)).isEqualTo(SipDigest.SHA_256);
        assertThat(cache.digestOf(BETA)).isEqualTo(SipDigest.SHA_256);
        assertThat(digestReads).hasValue(1);
        cache.refreshAll();
        assertThat(cache.digestOf(BETA)).as("after the next full read too").isEqualTo(SipDigest.SHA_256);
    }

    @Test
    void madeUpDomainsNeverPushOutTheDomainsOfAnIncompleteFullRead() {
        // as many accounts as the cache keeps: the full read may have missed some domains
        for (int i = 0; i < SETTINGS.maxKnown(); i++) {
            accounts.put(i + "@" + ALPHA.name(), account(Integer.toString(100 + i), "secret", SipDigest.SHA_256));
        }
        cache.refreshAll();

        for (int i = 0; i < 1_000; i++) {
            cache.digestOf(new SipDomain("d" + i + ".example.net"));
        }
        assertThat(digestReads).as("unknown domains are read while the full read is incomplete").hasValue(1_000);

        assertThat(cache.digestOf(ALPHA)).isEqualTo(SipDigest.SHA_256);
        assertThat(digestReads).as("alpha's choice still known").hasValue(1_000);
    }

    @Test
    void aChangedAccountIsReadAgainAtOnce() {
        stored(ALPHA, "101", "old");
        cache.find(ALPHA, "101");
        SipAccount changed = stored(ALPHA, "101", "new");

        cache.accountChanged(ALPHA, "101");

        assertThat(cache.find(ALPHA, "101")).contains(changed);
    }

    @Test
    void anUnknownNameIsRememberedBrieflyAndForgottenWhenItAppears() {
        assertThat(cache.find(ALPHA, "102")).isEmpty();
        assertThat(cache.find(ALPHA, "102")).isEmpty();
        assertThat(reads).hasValue(1);
        advance(Duration.ofSeconds(6));
        cache.find(ALPHA, "102");
        assertThat(reads).as("no longer than 5 s").hasValue(2);

        SipAccount added = stored(ALPHA, "102", "secret");
        cache.accountChanged(ALPHA, "102");
        assertThat(cache.find(ALPHA, "102")).contains(added);
    }

    @Test
    void aScanOfUnknownNamesKeepsTheCacheBounded() {
        for (int i = 0; i < 1_000; i++) {
            cache.find(ALPHA, Integer.toString(10_000 + i));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aDomainChangeDropsEveryAccountOfThatDomainOnly() {
        stored(ALPHA, "101", "a");
        stored(BETA, "101", "b");
        findEachOfTwoDomains();

        cache.domainChanged(ALPHA);
        findEachOfTwoDomains();

        assertThat(reads).as("alpha's account and unknown name read again, beta's not").hasValue(5);
    }

    @Test
    void aReadThatOverlapsAChangeIsNotKept() {
        stored(ALPHA, "101", "old");
        // the change lands after the source answered with the old row, before the cache keeps it
        duringRead = () -> cache.accountChanged(ALPHA, "101");
        cache.find(ALPHA, "101");
        duringRead = () -> {
        };
        SipAccount changed = stored(ALPHA, "101", "new");

        assertThat(cache.find(ALPHA, "101")).contains(changed);
    }

    @Test
    void everyAccountIsReadAtOnceSoNoneCostsARoundTripOfItsOwn() {
        stored(ALPHA, "101", "a");
        stored(ALPHA, "102", "b");

        assertThat(cache.refreshAll()).isEqualTo(2);
        cache.find(ALPHA, "101");
        cache.find(ALPHA, "102");

        assertThat(reads).hasValue(0);
    }

    @Test
    void missedChangesDropEverythingAndReadEverythingAgain() {
        stored(ALPHA, "101", "old");
        cache.refreshAll();
        SipAccount changed = stored(ALPHA, "101", "new");

        cache.mayHaveMissedChanges();

        assertThat(cache.find(ALPHA, "101")).contains(changed);
        assertThat(reads).hasValue(0);
    }

    @Test
    void aFullReadThatOverlapsAChangeIsReadAgain() {
        stored(ALPHA, "101", "old");
        SipAccount changed = account("101", "new");
        duringRead = () -> {
            if (listings.get() == 1) {
                accounts.put("101@" + ALPHA.name(), changed);
                cache.accountChanged(ALPHA, "101");
            }
        };

        assertThat(cache.refreshAll()).isEqualTo(1);

        assertThat(listings).hasValue(2);
        assertThat(cache.find(ALPHA, "101")).contains(changed);
    }

    @Test
    void aFullReadThatFailsKeepsWhatIsKnown() {
        stored(ALPHA, "101", "a");
        cache.refreshAll();
        duringRead = () -> {
            throw new IllegalStateException("database down",
                    new java.sql.SQLException("Connection refused", "08001"));
        };

        assertThat(cache.refreshAll()).isEqualTo(-1);
        assertThat(cache.find(ALPHA, "101")).isPresent();
    }
}
