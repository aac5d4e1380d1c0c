package org.tandem.engine.accounts;

import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.extension.SipAccountChanges;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.domain.tenant.SipDigest;
import org.tandem.domain.tenant.SipDomain;

import org.tandem.engine.failure.DatabaseFailure;
import org.tandem.engine.periodic.PeriodicTask;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * SIP accounts (digest hashes, tenant status and plan, contact limit) kept in memory by domain and
 * user name, so a REGISTER or an INVITE costs no database round trip: every account is read at once
 * when the engine starts listening for changes, and again every {@link Settings#refreshEvery}.
 * A worker thread that waits for the database is a worker that answers nobody, and under load
 * the wait grows with the CPU the database has to share.
 *
 * <p>A change made anywhere takes effect at once: the database tells of every change to an
 * extension or a tenant ({@link SipAccountChanges}, fed by triggers that also fire when another
 * node's change is replicated in), and the account is dropped here and read again on next use.
 * A change that was not heard of (a trigger missing, a bug) is corrected by the next full read, and
 * no entry outlives {@link Settings#knownFor} (full reads failing while the database is away).
 *
 * <p>Unknown users are remembered too, briefly ({@link Settings#unknownFor}) and in a separate,
 * smaller table ({@link Settings#maxUnknown}), so a scanner trying every number neither reaches the
 * database for each try more than once a few seconds nor fills the heap. Both tables are bounded;
 * when one is full some entries are dropped, expired ones first.
 *
 * <p>Each domain's digest choice (needed to challenge a phone, before any credentials) comes with
 * the accounts of a full read and is kept as long as they are. A full read that was complete also
 * tells which domains have any extension at all: any other domain (a tenant without extensions, or
 * no tenant) is answered the default without asking the database, since no phone can authenticate
 * in it; the change notice of a domain's first extension makes its choice be read. Until a full read
 * completes, the choice of a domain not known yet is read and kept as briefly as an unknown user, in
 * a table of its own as small as theirs, so made-up domains never push out those of the accounts.
 */
public final class CachedSipAccounts implements SipAccounts, SipAccountChanges.Listener {

    private static final System.Logger LOG = System.getLogger(CachedSipAccounts.class.getName());

    /**
     * @param refreshEvery how often every account is read again (the safety net behind the change notices)
     * @param knownFor     how long an account is kept without being read again
     * @param maxKnown     most accounts kept
     * @param unknownFor   how long "no such account" is kept
     * @param maxUnknown   most unknown names kept
     */
    public record Settings(Duration refreshEvery, Duration knownFor, int maxKnown, Duration unknownFor,
                           int maxUnknown) {

        /**
         * Every account read again each minute: a change whose notice was lost is corrected within a
         * minute. An account is kept three minutes, so two failed full reads do not empty the cache.
         * 200,000 accounts (a node's phones many times over; about 60 MB). Five seconds and 10,000
         * names for unknown users: enough to blunt a scan, short enough that a new extension whose
         * notice was missed works almost at once.
         */
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(1), Duration.ofMinutes(3), 200_000,
                Duration.ofSeconds(5), 10_000);

        public Settings {
            if (!refreshEvery.isPositive() || knownFor.compareTo(refreshEvery) < 0 || unknownFor.isNegative()
                    || maxKnown < 1 || maxUnknown < 1) {
                throw new IllegalArgumentException("bad account cache settings: " + this);
            }
        }
    }

    private record Key(String domain, String username) {
    }

    private interface Expiring {
        long expiresAt();
    }

    private record Entry(Optional<SipAccount> account, long expiresAt) implements Expiring {
    }

    private record DigestEntry(SipDigest digest, long expiresAt) implements Expiring {
    }

    private final SipAccounts source;
    private final Settings settings;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<Key, Entry> known = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Entry> unknown = new ConcurrentHashMap<>();
    /** The digest choice of domains with accounts. */
    private final ConcurrentMap<String, DigestEntry> digests = new ConcurrentHashMap<>();
    /** The digest choice of other domains, read before a full read completed. */
    private final ConcurrentMap<String, DigestEntry> otherDigests = new ConcurrentHashMap<>();
    /** The domains with accounts as of the last complete full read; null if none completed since the start. */
    private volatile Set<String> domainsWithAccounts;
    /** Domains named by a change notice since, each with the invalidation count it got. */
    private final ConcurrentMap<String, Long> changedDomains = new ConcurrentHashMap<>();
    /** Counts invalidations: a read of the source that overlapped one is not kept (it may predate the change). */
    private final AtomicLong invalidations = new AtomicLong();

    public CachedSipAccounts(SipAccounts source, Settings settings) {
        this(source, settings, System::nanoTime);
    }

    CachedSipAccounts(SipAccounts source, Settings settings, LongSupplier nanoTime) {
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<SipAccount> find(SipDomain domain, String username) {
        if (username == null) {
            return source.find(domain, username);
        }
        Key key = new Key(domain.name(), username);
        long now = nanoTime.getAsLong();
        Optional<Entry> cached = fresh(key, known, unknown, now);
        if (cached.isPresent()) {
            return cached.get().account();
        }
        long seen = invalidations.get();
        Optional<SipAccount> account = source.find(domain, username);
        ConcurrentMap<Key, Entry> table = account.isPresent() ? known : unknown;
        Entry loaded = new Entry(account, now + (account.isPresent() ? settings.knownFor() : settings.unknownFor()).toNanos());
        makeRoom(table, account.isPresent() ? settings.maxKnown() : settings.maxUnknown(), now);
        (account.isPresent() ? unknown : known).remove(key);
        keepUnlessChangedSince(seen, table, key, loaded);
        return account;
    }

    @Override
    public SipDigest digestOf(SipDomain domain) {
        String name = domain.name();
        long now = nanoTime.getAsLong();
        Optional<DigestEntry> cached = fresh(name, digests, otherDigests, now);
        if (cached.isPresent()) {
            return cached.get().digest();
        }
        Set<String> withAccounts = domainsWithAccounts;
        if (withAccounts != null && !withAccounts.contains(name) && !changedDomains.containsKey(name)) {
            return SipDigest.DEFAULT; // no extension there: whatever its tenant chose, nobody can authenticate
        }
        long seen = invalidations.get();
        SipDigest digest = source.digestOf(domain);
        boolean hasAccounts = withAccounts != null;
        ConcurrentMap<String, DigestEntry> table = hasAccounts ? digests : otherDigests;
        if (!hasAccounts) {
            makeRoom(otherDigests, settings.maxUnknown(), now);
        }
        DigestEntry loaded = new DigestEntry(digest,
                now + (hasAccounts ? settings.knownFor() : settings.unknownFor()).toNanos());
        keepUnlessChangedSince(seen, table, name, loaded);
        return digest;
    }

    /** The entry of {@code key} in {@code first}, else in {@code second}, if it has not expired. */
    private static <K, E extends Expiring> Optional<E> fresh(K key, ConcurrentMap<K, E> first,
                                                            ConcurrentMap<K, E> second, long now) {
        E entry = first.get(key);
        if (entry == null) {
            entry = second.get(key);
        }
        return entry != null && entry.expiresAt() - now > 0 ? Optional.of(entry) : Optional.empty();
    }

    /**
     * Keeps what was read from the source when the invalidation count was {@code seen}, unless a change
     * was announced since: the read may be older than that change.
     */
    private <K, E> void keepUnlessChangedSince(long seen, ConcurrentMap<K, E> table, K key, E loaded) {
        table.put(key, loaded);
        if (invalidations.get() != seen) {
            table.remove(key, loaded);
        }
    }

    /** Below {@code max} entries: expired ones go first, then any (a tenth of the table at once). */
    private static <K> void makeRoom(ConcurrentMap<K, ? extends Expiring> table, int max, long now) {
        if (table.size() < max) {
            return;
        }
        table.values().removeIf(entry -> entry.expiresAt() - now <= 0);
        int surplus = table.size() - max + Math.max(1, max / 10);
        for (Iterator<K> keys = table.keySet().iterator(); keys.hasNext() && surplus > 0; surplus--) {
            keys.next();
            keys.remove();
        }
    }

    @Override
    public void accountChanged(SipDomain domain, String username) {
        changedDomains.put(domain.name(), invalidations.incrementAndGet()); // perhaps its first extension
        Key key = new Key(domain.name(), username);
        known.remove(key);
        unknown.remove(key);
    }

    @Override
    public void domainChanged(SipDomain domain) {
        String name = domain.name();
        changedDomains.put(name, invalidations.incrementAndGet());
        known.keySet().removeIf(key -> key.domain().equals(name));
        digests.remove(name);
        otherDigests.remove(name);
        unknown.keySet().removeIf(key -> key.domain().equals(name));
    }

    /** Forgets everything, since any account may have changed, and reads every account again. */
    @Override
    public void mayHaveMissedChanges() {
        invalidations.incrementAndGet();
        known.clear();
        unknown.clear();
        digests.clear();
        otherDigests.clear();
        domainsWithAccounts = null; // a domain's first extension may be among what was missed
        refreshAll();
    }

    /**
     * Reads every account (up to {@link Settings#maxKnown}) from the source and keeps them; returns
     * how many, or -1 if they could not be read. A change announced while they were read makes the
     * read start over (three times at most), since the list may predate it.
     */
    public int refreshAll() {
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                long seen = invalidations.get();
                List<SipAccounts.InDomain> all = source.all(settings.maxKnown());
                if (invalidations.get() == seen) {
                    long expiresAt = nanoTime.getAsLong() + settings.knownFor().toNanos();
                    for (SipAccounts.InDomain listed : all) {
                        Key key = new Key(listed.domain().name(), listed.account().number().digits());
                        known.put(key, new Entry(Optional.of(listed.account()), expiresAt));
                        unknown.remove(key);
                        digests.put(key.domain(), new DigestEntry(listed.account().digest(), expiresAt));
                    }
                    if (invalidations.get() != seen) {
                        continue; // a change came in while they were stored: store again what is current
                    }
                    if (all.size() < settings.maxKnown()) { // else some domains may be missing
                        domainsWithAccounts = all.stream().map(listed -> listed.domain().name())
                                .collect(Collectors.toUnmodifiableSet());
                        changedDomains.values().removeIf(changedAt -> changedAt <= seen); // the read saw them
                        otherDigests.clear();
                    }
                    return all.size();
                }
            }
            return -1;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the SIP accounts (they are read one by one until the next "
                    + "try in " + settings.refreshEvery().toSeconds() + " s): " + DatabaseFailure.describe(e));
            return -1;
        }
    }

    /** Reads every account again every {@link Settings#refreshEvery}, on a thread of its own, until closed. */
    public PeriodicTask refreshPeriodically(String threadName) {
        return PeriodicTask.every(settings.refreshEvery(), settings.refreshEvery(), threadName, this::refreshAll);
    }

    /** Accounts and unknown names held now. */
    public int size() {
        return known.size() + unknown.size();
    }
}
