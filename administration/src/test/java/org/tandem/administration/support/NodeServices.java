package org.tandem.administration.support;

import jakarta.persistence.EntityManager;
import org.tandem.administration.account.AccountService;
import org.tandem.administration.account.DefaultAccountService;
import org.tandem.administration.account.PasswordThrottle;
import org.tandem.administration.apitoken.ApiAuthentication;
import org.tandem.administration.apitoken.ApiTokenService;
import org.tandem.administration.apitoken.DefaultApiTokenService;
import org.tandem.administration.calls.ActiveCallChanges;
import org.tandem.administration.calls.ActiveCallService;
import org.tandem.administration.calls.CallHistoryService;
import org.tandem.administration.calls.DefaultActiveCallService;
import org.tandem.administration.calls.DefaultCallHistoryService;
import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.customer.DefaultCustomerService;
import org.tandem.administration.extension.DefaultExtensionService;
import org.tandem.administration.extension.ExtensionService;
import org.tandem.administration.operator.ClusterMembershipService;
import org.tandem.administration.operator.ClusterService;
import org.tandem.administration.operator.DefaultClusterMembershipService;
import org.tandem.administration.operator.DefaultClusterService;
import org.tandem.administration.ownextension.DefaultOwnExtensionService;
import org.tandem.administration.ownextension.OwnExtensionService;
import org.tandem.administration.prompts.DefaultPromptLanguageService;
import org.tandem.administration.prompts.PromptLanguageService;
import org.tandem.administration.registration.DefaultRegistrationService;
import org.tandem.administration.registration.RegistrationChanges;
import org.tandem.administration.registration.RegistrationService;
import org.tandem.administration.ringgroup.DefaultRingGroupService;
import org.tandem.administration.ringgroup.RingGroupService;
import org.tandem.administration.shared.DisplayNames;
import org.tandem.administration.voicemail.DefaultVoicemailService;
import org.tandem.administration.voicemail.VoicemailChanges;
import org.tandem.administration.voicemail.VoicemailService;
import org.tandem.domain.voicemail.MailboxChangeFeed;
import org.tandem.files.FilesSettings;
import org.tandem.files.SharedFiles;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jdbc.JdbcVoicemailMessages;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.account.RevokedLoginFeed;
import org.tandem.domain.call.ActiveCallFeed;
import org.tandem.domain.registration.RegistrationFeed;
import org.tandem.domain.tenant.HomeNodeCheck;
import org.tandem.storage.TestDatabase;
import org.tandem.storage.jdbc.JdbcActiveCalls;
import org.tandem.storage.jdbc.JdbcApiTokens;
import org.tandem.storage.jdbc.JdbcCallHistory;
import org.tandem.storage.jdbc.JdbcNodeActivity;
import org.tandem.storage.jdbc.JdbcNodeHeartbeats;
import org.tandem.storage.jdbc.JdbcRingGroups;
import org.tandem.storage.jdbc.JdbcTenantRegistrations;
import org.tandem.storage.jpa.JpaExtensionRepository;
import org.tandem.storage.jpa.JpaNewMailboxes;
import org.tandem.storage.jpa.JpaNodeRepository;
import org.tandem.storage.jpa.JpaPoolRepository;
import org.tandem.storage.jpa.JpaPortalAccountRepository;
import org.tandem.storage.jpa.JpaResellerRepository;
import org.tandem.domain.tenant.TenantRepository;
import org.tandem.storage.jpa.JpaTenantRepository;
import org.tandem.storage.notification.PostgresRevokedLogins;
import org.tandem.storage.notification.PostgresTenantChanges;
import org.tandem.cluster.replication.ClusterJoin;
import org.tandem.storage.connection.DatabaseLogin;
import org.tandem.cluster.replication.DatabaseMembershipChanges;
import org.tandem.cluster.replication.DatabaseReplicationHealth;
import org.tandem.cluster.replication.HomeNodeGuard;
import org.tandem.storage.connection.NodeDatabase;
import org.tandem.storage.connection.ReplicationLogin;
import org.tandem.testsupport.beans.Injection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The administration services of one node as the node wires them (storage's repositories, this
 * node's home-node guard), each call in a transaction of its own, on that node's database.
 */
public final class NodeServices {

    /** The login the test databases and their replication use. */
    public static final DatabaseLogin LOGIN = new DatabaseLogin("tandem", "tandem");
    public static final ReplicationLogin REPLICATION = new ReplicationLogin("tandem", ReplicationLogin.LOOPBACK_NETWORK);
    /** Where joins and removals run, as on the container's managed executor: nothing to shut down. */
    private static final ExecutorService MEMBERSHIP_CHANGES = Executors.newVirtualThreadPerTaskExecutor();

    public final CustomerService customers;
    /** Tenants as the portal reads whether one is suspended. */
    public final TenantRepository tenants;
    public final ExtensionService extensions;
    public final RegistrationService registrations;
    public final PortalAccountRepository accounts;
    public final ApiTokenService apiTokens;
    public final ApiAuthentication apiAuthentication;
    /** This node's home-node rule, checked in the services' transactions. */
    public final HomeNodeCheck homeNode;
    public final CallHistoryService calls;
    public final ClusterService cluster;
    public final ClusterMembershipService membership;
    public final RingGroupService ringGroups;
    public final ActiveCallService activeCalls;
    public final AccountService ownAccount;
    public final PromptLanguageService promptLanguages;
    public final OwnExtensionService ownExtension;
    /** This node's calls as its engine publishes them. */
    public final JdbcActiveCalls publishedCalls;
    public final VoicemailService voicemail;
    /** The cluster's files as this node sees them: a temporary folder of its own. */
    public final SharedFiles files;
    /** Logins removed or given a new password, as the portal hears of them. */
    public final RevokedLoginFeed revokedLogins;

    /** @param address where peers reach this node's database; empty for a node that says nothing of it */
    public NodeServices(TestDatabase database, UUID nodeId, String nodeName, Optional<NodeDatabase> address) {
        EntityManager entityManager = database.newEntityManager();
        JpaTenantRepository tenants = new JpaTenantRepository(entityManager);
        this.tenants = Transactions.around(TenantRepository.class, tenants, entityManager);
        JpaExtensionRepository extensionRepository = new JpaExtensionRepository(entityManager);
        JpaNodeRepository nodes = new JpaNodeRepository(entityManager);
        HomeNodeGuard guard = new HomeNodeGuard(nodeId, nodeName, LOGIN);
        homeNode = guard.inTransactionOf(entityManager);
        customers = Transactions.around(CustomerService.class, Injection.into(new DefaultCustomerService(), tenants,
                new JpaResellerRepository(entityManager), new JpaPortalAccountRepository(entityManager),
                extensionRepository, new JpaPoolRepository(entityManager), nodes,
                new JdbcTenantRegistrations(database.dataSource()), new JdbcCallHistory(database.dataSource()), homeNode,
                new JdbcRingGroups(database.dataSource(), guard)), entityManager);
        extensions = Transactions.around(ExtensionService.class,
                Injection.into(new DefaultExtensionService(), tenants, extensionRepository,
                        new JpaPortalAccountRepository(entityManager), homeNode, new JpaNewMailboxes(entityManager)),
                entityManager);
        ringGroups = Transactions.around(RingGroupService.class, Injection.into(new DefaultRingGroupService(), tenants,
                extensionRepository, new JdbcRingGroups(database.dataSource(), guard)), entityManager);
        cluster = Transactions.around(ClusterService.class, Injection.into(new DefaultClusterService(),
                new JpaPoolRepository(entityManager), nodes, new JdbcNodeActivity(database.dataSource()),
                new JdbcNodeHeartbeats(database.dataSource()),
                new DatabaseReplicationHealth(database.dataSource(), nodeId, nodeName)), entityManager);
        membership = Injection.into(new DefaultClusterMembershipService(), new DatabaseMembershipChanges(LOGIN,
                REPLICATION, nodeName, address, ClusterJoin.COPY_TIMEOUT), MEMBERSHIP_CHANGES);
        calls = Transactions.around(CallHistoryService.class, Injection.into(new DefaultCallHistoryService(), tenants,
                new JdbcCallHistory(database.dataSource())), entityManager);
        JdbcApiTokens tokenRepository = new JdbcApiTokens(
                new TransactionSharingDataSource(database.dataSource(), entityManager), nodeName);
        apiTokens = Transactions.around(ApiTokenService.class, Injection.into(new DefaultApiTokenService(),
                tokenRepository, homeNode, Clock.systemUTC()), entityManager);
        accounts = Transactions.around(PortalAccountRepository.class, new JpaPortalAccountRepository(entityManager),
                entityManager);
        apiAuthentication = Injection.into(new ApiAuthentication(), tokenRepository, accounts, new PasswordThrottle(),
                Clock.systemUTC());
        RegistrationChanges changes = Injection.into(new RegistrationChanges(), (RegistrationFeed) new PostgresTenantChanges(
                PostgresTenantChanges.REGISTRATIONS, () -> database.dataSource().getConnection())::start);
        DisplayNames displayNames = Injection.into(new DisplayNames(), extensionRepository, nodes);
        registrations = Transactions.around(RegistrationService.class, Injection.into(new DefaultRegistrationService(),
                tenants, displayNames, new JdbcTenantRegistrations(database.dataSource()), changes), entityManager);
        ownAccount = Transactions.around(AccountService.class, Injection.into(new DefaultAccountService(),
                new JpaPortalAccountRepository(entityManager), homeNode), entityManager);
        promptLanguages = Transactions.around(PromptLanguageService.class,
                Injection.into(new DefaultPromptLanguageService(), tenants, homeNode), entityManager);
        ownExtension = Transactions.around(OwnExtensionService.class, Injection.into(new DefaultOwnExtensionService(),
                new JpaPortalAccountRepository(entityManager), tenants, extensionRepository, displayNames,
                new JdbcTenantRegistrations(database.dataSource()), new JdbcCallHistory(database.dataSource()), changes),
                entityManager);
        publishedCalls = new JdbcActiveCalls(database.dataSource());
        VoicemailChanges voicemailChanges = Injection.into(new VoicemailChanges(), (MailboxChangeFeed)
                new PostgresTenantChanges(PostgresTenantChanges.VOICEMAIL, () -> database.dataSource().getConnection())::start);
        files = temporaryFiles(nodeName);
        voicemail = Transactions.around(VoicemailService.class, Injection.into(new DefaultVoicemailService(), tenants, extensionRepository,
                new JpaPortalAccountRepository(entityManager), new JdbcMailboxes(database.dataSource(), guard),
                new JdbcVoicemailMessages(database.dataSource(), nodeId), files, voicemailChanges), entityManager);
        revokedLogins = new PostgresRevokedLogins(() -> database.dataSource().getConnection());
        ActiveCallChanges callChanges = Injection.into(new ActiveCallChanges(), (ActiveCallFeed) new PostgresTenantChanges(
                PostgresTenantChanges.ACTIVE_CALLS, () -> database.dataSource().getConnection())::start);
        activeCalls = Transactions.around(ActiveCallService.class, Injection.into(new DefaultActiveCallService(), tenants,
                displayNames, publishedCalls, callChanges, new JdbcNodeHeartbeats(database.dataSource())), entityManager);
    }

    private static SharedFiles temporaryFiles(String nodeName) {
        try {
            Path folder = Files.createTempDirectory("tandem-administration-files");
            return SharedFiles.open(new FilesSettings(folder.resolve("shared"), folder.resolve("staging"),
                    Optional.empty(), nodeName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
