package org.tandem.storage.cdi;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.account.RevokedLoginFeed;
import org.tandem.domain.call.ActiveCallFeed;
import org.tandem.domain.call.CallHistory;
import org.tandem.domain.call.TenantActiveCalls;
import org.tandem.domain.extension.ExtensionRepository;
import org.tandem.domain.node.NodeRepository;
import org.tandem.domain.pool.PoolRepository;
import org.tandem.domain.registration.NodeActivity;
import org.tandem.domain.registration.RegistrationFeed;
import org.tandem.domain.registration.TenantRegistrations;
import org.tandem.domain.reseller.ResellerRepository;
import org.tandem.domain.ringgroup.RingGroupRepository;
import org.tandem.domain.tenant.TenantRepository;
import org.tandem.domain.voicemail.MailboxChangeFeed;
import org.tandem.domain.voicemail.Mailboxes;
import org.tandem.domain.voicemail.NewMailboxes;
import org.tandem.domain.voicemail.VoicemailMessages;
import org.tandem.storage.jdbc.JdbcActiveCalls;
import org.tandem.storage.jdbc.JdbcCallHistory;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcNodes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;
import org.tandem.storage.jdbc.JdbcNodeActivity;
import org.tandem.storage.jdbc.JdbcRingGroups;
import org.tandem.storage.jdbc.JdbcTenantRegistrations;
import org.tandem.storage.jdbc.HomeNodeConnectionCheck;
import org.tandem.storage.jpa.JpaExtensionRepository;
import org.tandem.storage.jpa.JpaNewMailboxes;
import org.tandem.storage.jpa.JpaNodeRepository;
import org.tandem.storage.jpa.JpaPoolRepository;
import org.tandem.storage.jpa.JpaPortalAccountRepository;
import org.tandem.storage.jpa.JpaResellerRepository;
import org.tandem.storage.jpa.JpaTenantRepository;
import org.tandem.storage.lifecycle.StorageSettings;
import org.tandem.storage.notification.PostgresRevokedLogins;
import org.tandem.storage.notification.PostgresTenantChanges;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * Hands the domain's repository interfaces to the rest of the EAR, backed by the container's entity
 * manager (which joins the caller's transaction) or, for the read-mostly registration tables, the
 * node's datasource.
 */
@ApplicationScoped
public class Repositories {

    @PersistenceContext(unitName = "tandem")
    private EntityManager entityManager;

    @Resource(lookup = "java:jboss/datasources/TandemDS")
    private DataSource dataSource;

    @Produces
    PortalAccountRepository portalAccounts() {
        return new JpaPortalAccountRepository(entityManager);
    }

    @Produces
    ResellerRepository resellers() {
        return new JpaResellerRepository(entityManager);
    }

    @Produces
    TenantRepository tenants() {
        return new JpaTenantRepository(entityManager);
    }

    @Produces
    ExtensionRepository extensions() {
        return new JpaExtensionRepository(entityManager);
    }

    @Produces
    PoolRepository pools() {
        return new JpaPoolRepository(entityManager);
    }

    @Produces
    NodeRepository nodes() {
        return new JpaNodeRepository(entityManager);
    }

    @Produces
    CallHistory callHistory() {
        return new JdbcCallHistory(dataSource);
    }

    /** Writes in transactions of its own, so the home-node check runs in them. */
    @Produces
    RingGroupRepository ringGroups(HomeNodeConnectionCheck homeNode) {
        return new JdbcRingGroups(dataSource, homeNode);
    }

    /** Configuration like ring groups: each change in a transaction of its own, after the home-node check. */
    @Produces
    Mailboxes mailboxes(HomeNodeConnectionCheck homeNode) {
        return new JdbcMailboxes(dataSource, homeNode);
    }

    /** New extensions' mailboxes, in the transaction that makes the extensions. */
    @Produces
    NewMailboxes newMailboxes() {
        return new JpaNewMailboxes(entityManager);
    }

    /** Filed by any node, each writing rows of its own (ADR 0002), so this node's id goes with them. */
    @Produces
    VoicemailMessages voicemailMessages() {
        String node = StorageSettings.from(System.getProperties()).thisNode().name();
        UUID nodeId = JdbcNodes.idOf(dataSource, node).orElseThrow(() -> new IllegalStateException(
                "node " + node + " is not in table node; storage adds it at start-up"));
        return new JdbcVoicemailMessages(dataSource, nodeId);
    }

    @Produces
    NodeActivity nodeActivity() {
        return new JdbcNodeActivity(dataSource);
    }

    @Produces
    TenantRegistrations tenantRegistrations() {
        return new JdbcTenantRegistrations(dataSource);
    }

    @Produces
    TenantActiveCalls tenantActiveCalls() {
        return new JdbcActiveCalls(dataSource);
    }

    @Produces
    RegistrationFeed registrationFeed() {
        return listening(PostgresTenantChanges.REGISTRATIONS)::start;
    }

    @Produces
    ActiveCallFeed activeCallFeed() {
        return listening(PostgresTenantChanges.ACTIVE_CALLS)::start;
    }

    @Produces
    MailboxChangeFeed mailboxChangeFeed() {
        return listening(PostgresTenantChanges.VOICEMAIL)::start;
    }

    @Produces
    RevokedLoginFeed revokedLoginFeed() {
        return new PostgresRevokedLogins(StorageSettings.from(System.getProperties())::openConnection);
    }

    /**
     * Its own connections, straight from the driver: a LISTEN connection stays open for as long as the
     * node runs, which a pooled one must not.
     */
    private static PostgresTenantChanges listening(String channel) {
        return new PostgresTenantChanges(channel, StorageSettings.from(System.getProperties())::openConnection);
    }
}
