package org.tandem.engine.accounts;

import org.tandem.domain.extension.SipAccount;
import org.tandem.domain.extension.SipAccountChanges;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.domain.tenant.SipDomain;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * SIP accounts (digest hashes, tenant status and plan, contact limit) kept in memory by domain and
 * user name, so a REGISTER or an INVITE of a known phone costs no database round trip.
 *
 * <p>A change made anywhere takes effect at once: the database tells of every change to an
 * extension or a tenant ({@link SipAccountChanges}, fed by triggers that also fire when another
 * node's change is replicated in), and the account is dropped here and read again on next use.
 * A change that was not heard of (the feed reconnecting, a trigger missing) is bounded by
 * {@link Settings#knownFor}: no entry is older than that.
 *
 * <p>Unknown users are remembered too, briefly ({@link Settings#unknownFor}) and in a separate,
 * smaller table ({@link Settings#maxUnknown}), so a scanner trying every number neither reaches the
 * database for each try more than once a few seconds nor fills the heap. Both tables are bounded;
 * when one is full some entries are dropped, expired ones first.
 */
public final class CachedSipAccounts implements SipAccounts, SipAccountChanges.Listener {

    /**
     * @param knownFor   how long an account is kept without news of it
     * @param maxKnown   most accounts kept
     * @param unknownFor how long "no such account" is kept
     * @param maxUnknown most unknown names kept
     */
    public record Settings(Duration knownFor, int maxKnown, Duration unknownFor, int maxUnknown) {

        /**
         * A minute for accounts: the safety net behind the change notices, not the way changes
         * arrive. 200,000 accounts (a node's phones many times over; about 60 MB). Five seconds and
         * 10,000 names for unknown users: enough to blunt a scan, short enough that a new extension
         * whose notice was missed works almost at once.
         */
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(1), 200_000, Duration.ofSeconds(5), 10_000);

        public Settings {
            if (knownFor.isNegative() || unknownFor.isNegative() || maxKnown < 1 || maxUnknown < 1) {
                throw new IllegalArgumentException("bad account cache settings: " + this);
            }
        }
    }

    private record Key(String domain, String username) {
    }

    private record Entry(Optional<SipAccount> account, long expiresAt) {
    }

    private final SipAccounts source;
    private final Settings settings;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<Key, Entry> known = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Entry> unknown = new ConcurrentHashMap<>();
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
        Entry entry = known.get(key);
        if (entry == null) {
            entry = unknown.get(key);
        }
        if (entry != null && entry.expiresAt() - now > 0) {
            return entry.account();
        }
        long seen = invalidations.get();
        Optional<SipAccount> account = source.find(domain, username);
        ConcurrentMap<Key, Entry> table = account.isPresent() ? known : unknown;
        Entry loaded = new Entry(account, now + (account.isPresent() ? settings.knownFor() : settings.unknownFor()).toNanos());
        makeRoom(table, account.isPresent() ? settings.maxKnown() : settings.maxUnknown(), now);
        table.put(key, loaded);
        (account.isPresent() ? unknown : known).remove(key);
        if (invalidations.get() != seen) {
            // A change was announced while the source was read: the read may be older than it.
            table.remove(key, loaded);
        }
        return account;
    }

    /** Below {@code max} entries: expired ones go first, then any (a tenth of the table at once). */
    private static void makeRoom(ConcurrentMap<Key, Entry> table, int max, long now) {
        if (table.size() < max) {
            return;
        }
        table.values().removeIf(entry -> entry.expiresAt() - now <= 0);
        int surplus = table.size() - max + Math.max(1, max / 10);
        for (Iterator<Key> keys = table.keySet().iterator(); keys.hasNext() && surplus > 0; surplus--) {
            keys.next();
            keys.remove();
        }
    }

    @Override
    public void accountChanged(SipDomain domain, String username) {
        invalidations.incrementAndGet();
        Key key = new Key(domain.name(), username);
        known.remove(key);
        unknown.remove(key);
    }

    @Override
    public void domainChanged(SipDomain domain) {
        invalidations.incrementAndGet();
        String name = domain.name();
        known.keySet().removeIf(key -> key.domain().equals(name));
        unknown.keySet().removeIf(key -> key.domain().equals(name));
    }

    @Override
    public void mayHaveMissedChanges() {
        invalidations.incrementAndGet();
        known.clear();
        unknown.clear();
    }

    /** Accounts and unknown names held now. */
    public int size() {
        return known.size() + unknown.size();
    }
}
