package org.tandem.administration.support;

import org.tandem.administration.access.Actor;
import org.tandem.administration.apitoken.ApiAuthentication;
import org.tandem.administration.apitoken.ApiTokenService;
import org.tandem.administration.calls.CallHistoryService;
import org.tandem.administration.customer.CustomerService;
import org.tandem.administration.extension.ExtensionService;
import org.tandem.administration.operator.ClusterService;
import org.tandem.administration.ringgroup.RingGroupService;
import org.tandem.administration.voicemail.VoicemailService;
import org.tandem.files.SharedFiles;
import org.tandem.administration.registration.RegistrationService;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.account.Role;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.operator.Operator;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.storage.TestDatabase;
import org.tandem.storage.jpa.JpaExtensionRepository;
import org.tandem.storage.jpa.JpaNodeRepository;
import org.tandem.storage.jpa.JpaOperatorRepository;
import org.tandem.storage.jpa.JpaPoolRepository;
import org.tandem.storage.jpa.JpaPortalAccountRepository;
import org.tandem.storage.jpa.JpaResellerRepository;
import org.tandem.storage.jpa.JpaTenantRepository;
import org.tandem.storage.jdbc.JdbcActiveCalls;
import org.tandem.administration.account.AccountService;
import org.tandem.administration.ownextension.DefaultOwnExtensionService;
import org.tandem.administration.ownextension.OwnExtensionService;
import org.tandem.administration.calls.ActiveCallService;
import org.tandem.administration.calls.DefaultActiveCallService;
import org.tandem.domain.call.ActiveCall;
import org.tandem.domain.call.ActiveCallChange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The administration services on a real PostgreSQL 18 with storage's repositories, as the node wires
 * them, shared by every test of a JVM (starting a database takes seconds). Seeded with an operator,
 * two resellers each with one customer, and two pools (one node; a primary and a secondary), one
 * login per role. Tests make their own new customers with {@link #unique}, so they never see each
 * other's changes.
 */
public final class AdministrationFixture {

    public static final String PASSWORD = "Fixture-Password-2026";
    public static final String OPERATOR = "olivia.operator";
    public static final String NORTHWIND_ADMIN = "nina@northwind";
    public static final String SOUTHGATE_ADMIN = "sam@southgate";
    public static final String ACME_ADMIN = "alice@acme";
    /** A tenant user of Acme who sees extension 101 (Alice Archer's). */
    public static final String ACME_USER = "arthur@acme";
    /** A tenant user of Acme linked to no extension. */
    public static final String ACME_UNLINKED_USER = "ursula@acme";
    public static final String GLOBEX_ADMIN = "gina@globex";
    public static final String ACME_DOMAIN = "acme.fixture.test";
    public static final String GLOBEX_DOMAIN = "globex.fixture.test";

    private static AdministrationFixture shared;

    private final TestDatabase database;
    private final AtomicInteger counter = new AtomicInteger();
    private final NodeServices services;
    private UUID northwind;
    private UUID southgate;
    private UUID acme;
    private UUID globex;
    private UUID nodeId;

    public final CustomerService customers;
    public final ExtensionService extensions;
    public final RegistrationService registrations;
    public final PortalAccountRepository accounts;
    public final ApiTokenService apiTokens;
    public final ApiAuthentication apiAuthentication;
    public final CallHistoryService calls;
    public final ClusterService cluster;
    public final RingGroupService ringGroups;
    public final ActiveCallService activeCalls;
    public final AccountService ownAccount;
    public final OwnExtensionService ownExtension;
    public final VoicemailService voicemail;
    /** The cluster's files of the fixture's node. */
    public final SharedFiles files;
    private final JdbcActiveCalls publishedCalls;

    private AdministrationFixture() {
        try {
            database = TestDatabase.startIn(Files.createTempDirectory("tandem-administration-db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(database::close));
        seed();
        services = new NodeServices(database, nodeId, "node1", Optional.empty());
        customers = services.customers;
        extensions = services.extensions;
        registrations = services.registrations;
        accounts = services.accounts;
        apiTokens = services.apiTokens;
        apiAuthentication = services.apiAuthentication;
        calls = services.calls;
        cluster = services.cluster;
        ringGroups = services.ringGroups;
        activeCalls = services.activeCalls;
        ownAccount = services.ownAccount;
        ownExtension = services.ownExtension;
        voicemail = services.voicemail;
        files = services.files;
        publishedCalls = services.publishedCalls;
    }

    /** Every service of the fixture's node, for a portal that needs them all. */
    public NodeServices services() {
        return services;
    }

    /**
     * This node's services as one more request thread has them: a persistence context and connections
     * of their own, so their calls run at the same time as other threads' (the calls of one set take turns).
     */
    public NodeServices anotherRequestThread() {
        return new NodeServices(database, nodeId, "node1", Optional.empty());
    }

    public static synchronized AdministrationFixture shared() {
        if (shared == null) {
            shared = new AdministrationFixture();
        }
        return shared;
    }

    private void seed() {
        database.inTransaction(entityManager -> {
            Operator operator = new Operator("Fixture operator");
            new JpaOperatorRepository(entityManager).add(operator);
            Reseller north = new Reseller(operator.id(), "Northwind Telecom");
            Reseller south = new Reseller(operator.id(), "Southgate Voice");
            JpaResellerRepository resellers = new JpaResellerRepository(entityManager);
            resellers.add(north);
            resellers.add(south);
            northwind = north.id();
            southgate = south.id();
            JpaNodeRepository nodes = new JpaNodeRepository(entityManager);
            Node one = new Node("node1", new NetworkAddress("127.0.0.1", 5060), "127.0.0.1");
            Node two = new Node("node2", new NetworkAddress("sip2.operator.test", 5070), "127.0.0.2");
            Node three = new Node("node3", new NetworkAddress("127.0.0.3", 5060), "127.0.0.3");
            nodes.add(one);
            nodes.add(two);
            nodes.add(three);
            nodeId = one.id();
            JpaPoolRepository pools = new JpaPoolRepository(entityManager);
            Pool single = Pool.ofOneNode("pool-a", one);
            pools.add(single);
            pools.add(new Pool("pool-b", two, three));
            JpaTenantRepository tenants = new JpaTenantRepository(entityManager);
            Tenant acmeTenant = new Tenant(north.id(), single.id(), "Acme Ltd", new SipDomain(ACME_DOMAIN),
                    new PlanLimits(50, 10, 5));
            Tenant globexTenant = new Tenant(south.id(), single.id(), "Globex Corp", new SipDomain(GLOBEX_DOMAIN),
                    new PlanLimits(50, 10, 5));
            tenants.add(acmeTenant);
            tenants.add(globexTenant);
            acme = acmeTenant.id();
            globex = globexTenant.id();
            JpaExtensionRepository extensionRepository = new JpaExtensionRepository(entityManager);
            Extension alice = new Extension(acmeTenant, new ExtensionNumber("101"), "Alice Archer", "acme-101".toCharArray());
            extensionRepository.add(alice);
            extensionRepository.add(new Extension(globexTenant, new ExtensionNumber("101"), "Gary Green", "globex-101".toCharArray()));
            JpaPortalAccountRepository accounts = new JpaPortalAccountRepository(entityManager);
            char[] password = PASSWORD.toCharArray();
            accounts.add(PortalAccount.operator(OPERATOR, password));
            accounts.add(PortalAccount.resellerAdmin(NORTHWIND_ADMIN, password, north.id()));
            accounts.add(PortalAccount.resellerAdmin(SOUTHGATE_ADMIN, password, south.id()));
            accounts.add(PortalAccount.tenantLogin(ACME_ADMIN, password, Role.TENANT_ADMIN, acme));
            accounts.add(PortalAccount.tenantUser(ACME_USER, password, acme, alice.id()));
            accounts.add(PortalAccount.tenantLogin(ACME_UNLINKED_USER, password, Role.TENANT_USER, acme));
            accounts.add(PortalAccount.tenantLogin(GLOBEX_ADMIN, password, Role.TENANT_ADMIN, globex));
        });
    }

    /** The seeded login {@code username} as the services see it. */
    public Actor actor(String username) {
        return database.fetch(entityManager -> Actor.of(new JpaPortalAccountRepository(entityManager)
                .findByUsername(username).orElseThrow()));
    }

    /** A customer onboarded by Northwind for one test, and its admin's login. */
    public record NewCustomer(UUID id, String domain, String admin, String password) {
    }

    /** A new customer of Northwind with a unique domain and admin login, its plan allowing {@code maxExtensions}. */
    public NewCustomer newCustomer(String company, int maxExtensions) {
        String name = unique(company.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", ""));
        String domain = name + ".example.com";
        String admin = "admin@" + name;
        String password = "Quiet-Forest-12-Owls";
        UUID id = customers.onboard(actor(NORTHWIND_ADMIN), new org.tandem.administration.customer.Onboarding(null,
                company, domain, admin, password.toCharArray(), maxExtensions, 5, 5)).summary().id();
        return new NewCustomer(id, domain, admin, password);
    }

    /** {@code prefix} made unique in this JVM's database, for names and domains that must not repeat. */
    public String unique(String prefix) {
        return prefix + counter.incrementAndGet();
    }

    public UUID northwind() {
        return northwind;
    }

    public UUID southgate() {
        return southgate;
    }

    public UUID acme() {
        return acme;
    }

    public UUID globex() {
        return globex;
    }

    /** The fixture's node, node1. */
    public UUID nodeId() {
        return nodeId;
    }

    public TestDatabase database() {
        return database;
    }

    /** A binding of {@code number} of {@code tenantId} on node1, as the registrar writes it, expiring in an hour. */
    public UUID register(UUID tenantId, String number, String contact) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        execute("insert into registration (id, node_id, tenant_id, extension_number, contact_uri, flow, call_id, cseq, "
                        + "user_agent, registered_at, expires_at) values (?, ?, ?, ?, ?, 'udp:127.0.0.1:5062', ?, 1, "
                        + "'fixture phone', ?, ?)",
                id, nodeId, tenantId, number, contact, UUID.randomUUID().toString(),
                now.atOffset(java.time.ZoneOffset.UTC), now.plusSeconds(3600).atOffset(java.time.ZoneOffset.UTC));
        return id;
    }

    /** A call record of {@code tenantId} as the engine writes it when a call ends. */
    public void recordCall(UUID tenantId, String caller, String callee, Instant startedAt, Instant answeredAt,
                           Instant endedAt, String disposition, int sipCause) {
        execute("insert into call_record (id, tenant_id, node_id, caller, callee, started_at, answered_at, ended_at, "
                        + "disposition, sip_cause) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), tenantId, nodeId, caller, callee, startedAt.atOffset(java.time.ZoneOffset.UTC),
                answeredAt == null ? null : answeredAt.atOffset(java.time.ZoneOffset.UTC),
                endedAt.atOffset(java.time.ZoneOffset.UTC), disposition, sipCause);
    }

    /** A call of {@code tenantId} on node1 as the engine publishes it while it rings or once answered. */
    public ActiveCall publishCall(UUID callId, UUID tenantId, String caller, String callee, Instant startedAt,
                                  Instant answeredAt) {
        ActiveCall call = new ActiveCall(callId, tenantId, nodeId, caller, callee, startedAt, answeredAt);
        publishedCalls.apply(List.of(ActiveCallChange.up(call)));
        return call;
    }

    /** The call has ended, as the engine publishes it. */
    public void endCall(UUID callId) {
        publishedCalls.apply(List.of(ActiveCallChange.ended(callId)));
    }

    public void unregister(UUID registrationId) {
        execute("delete from registration where id = ?", registrationId);
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
