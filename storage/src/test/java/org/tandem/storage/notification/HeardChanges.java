package org.tandem.storage.notification;

import org.tandem.domain.extension.SipAccountChanges;
import org.tandem.domain.shared.TenantChangeFeed;
import org.tandem.domain.tenant.SipDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener of a tenant feed or of the SIP account feed that keeps what it heard, oldest first, in
 * words, for a test to take one at a time: a tenant's id, {@code account <domain> <username>},
 * {@code domain <domain>}, or {@link #MISSED}. The feed calls from its own thread.
 */
public final class HeardChanges implements TenantChangeFeed.Listener, SipAccountChanges.Listener {

    public static final String MISSED = "may have missed changes";

    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @Override
    public void changed(UUID tenantId) {
        heard.add(tenantId.toString());
    }

    @Override
    public void accountChanged(SipDomain domain, String username) {
        heard.add("account " + domain + " " + username);
    }

    @Override
    public void domainChanged(SipDomain domain) {
        heard.add("domain " + domain);
    }

    @Override
    public void mayHaveMissedChanges() {
        heard.add(MISSED);
    }

    /** The next thing heard, waiting up to 5 s; null if nothing came. */
    public String next() throws InterruptedException {
        return heard.poll(5, TimeUnit.SECONDS);
    }

    /** The next thing heard within {@code millis}; null if nothing came. */
    public String within(long millis) throws InterruptedException {
        return heard.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** What is heard until half a second passes without anything. */
    public List<String> quietly() throws InterruptedException {
        List<String> all = new ArrayList<>();
        String one;
        while ((one = within(500)) != null) {
            all.add(one);
        }
        return all;
    }

    /** A feed that starts says first that it may have missed changes: from then on it is listening. */
    public void assertListening() throws InterruptedException {
        assertThat(next()).as("listening now; anything earlier went unheard").isEqualTo(MISSED);
    }
}
