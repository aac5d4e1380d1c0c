package org.tandem.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.Role;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.operator.Operator;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantStatus;
import org.tandem.storage.jpa.JpaExtensionRepository;
import org.tandem.storage.jpa.JpaNodeRepository;
import org.tandem.storage.jpa.JpaOperatorRepository;
import org.tandem.storage.jpa.JpaPoolRepository;
import org.tandem.storage.jpa.JpaPortalAccountRepository;
import org.tandem.storage.jpa.JpaResellerRepository;
import org.tandem.storage.jpa.JpaTenantRepository;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoriesTest {

    @TempDir
    static Path folder;
    static TestDatabase database;
    static Reseller reseller;
    static Pool pool;

    @BeforeAll
    static void start() {
        database = TestDatabase.startIn(folder);
        database.inTransaction(entityManager -> {
            Operator operator = new Operator("Operator");
            new JpaOperatorRepository(entityManager).add(operator);
            reseller = new Reseller(operator.id(), "Reseller");
            new JpaResellerRepository(entityManager).add(reseller);
            Node node = new Node("node-a", new NetworkAddress("127.0.0.2", 5060), "127.0.0.2");
            new JpaNodeRepository(entityManager).add(node);
            pool = Pool.ofOneNode("pool-a", node);
            new JpaPoolRepository(entityManager).add(pool);
        });
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static Tenant newTenant(String domain) {
        Tenant tenant = new Tenant(reseller.id(), pool.id(), "Company " + domain, new SipDomain(domain), new PlanLimits(10, 5, 2));
        database.inTransaction(entityManager -> new JpaTenantRepository(entityManager).add(tenant));
        return tenant;
    }

    @Test
    void aTenantAndItsExtensionsComeBackAsStored() {
        Tenant tenant = newTenant("round.example.com");
        database.inTransaction(entityManager -> new JpaExtensionRepository(entityManager)
                .add(new Extension(tenant, new ExtensionNumber("201"), "Front desk", "desk-secret".toCharArray())));

        database.inTransaction(entityManager -> {
            Tenant found = new JpaTenantRepository(entityManager).findBySipDomain(new SipDomain("ROUND.example.com")).orElseThrow();
            assertThat(found.companyName()).isEqualTo("Company round.example.com");
            assertThat(found.limits()).isEqualTo(new PlanLimits(10, 5, 2));
            assertThat(found.status()).isEqualTo(TenantStatus.ACTIVE);
            Extension extension = new JpaExtensionRepository(entityManager)
                    .find(found.id(), new ExtensionNumber("201")).orElseThrow();
            assertThat(extension.displayName()).isEqualTo("Front desk");
            assertThat(extension.maxContacts()).isEqualTo(Extension.DEFAULT_MAX_CONTACTS);
            assertThat(extension.credentials().ha1Md5())
                    .isEqualTo(org.tandem.domain.extension.SipCredentials
                            .derive("201", "round.example.com", "desk-secret".toCharArray()).ha1Md5());
        });
    }

    @Test
    void aSuspensionIsStored() {
        Tenant tenant = newTenant("suspend.example.com");
        database.inTransaction(entityManager -> new JpaTenantRepository(entityManager).find(tenant.id()).orElseThrow().suspend());
        TenantStatus stored = database.fetch(entityManager ->
                new JpaTenantRepository(entityManager).find(tenant.id()).orElseThrow().status());
        assertThat(stored).isEqualTo(TenantStatus.SUSPENDED);
    }

    @Test
    void aSipDomainServesOneTenantOnly() {
        newTenant("taken.example.com");
        assertThatThrownBy(() -> newTenant("taken.example.com"))
                .isInstanceOf(AlreadyTakenException.class)
                .hasMessage("This SIP domain is already used by another customer");
    }

    @Test
    void theSameNumberMayExistInTwoTenantsButNotTwiceInOne() {
        Tenant first = newTenant("first.example.com");
        Tenant second = newTenant("second.example.com");
        database.inTransaction(entityManager -> {
            JpaExtensionRepository extensions = new JpaExtensionRepository(entityManager);
            extensions.add(new Extension(first, new ExtensionNumber("101"), "First 101", "pw-1".toCharArray()));
            extensions.add(new Extension(second, new ExtensionNumber("101"), "Second 101", "pw-2".toCharArray()));
        });
        String secondName = database.fetch(entityManager -> new JpaExtensionRepository(entityManager)
                .find(second.id(), new ExtensionNumber("101")).orElseThrow().displayName());
        assertThat(secondName).isEqualTo("Second 101");

        assertThatThrownBy(() -> database.inTransaction(entityManager -> new JpaExtensionRepository(entityManager)
                .add(new Extension(first, new ExtensionNumber("101"), "Again", "pw-3".toCharArray()))))
                .isInstanceOf(AlreadyTakenException.class)
                .hasMessage("This extension number is already taken in this company");
        List<Extension> ofFirst = database.fetch(entityManager -> new JpaExtensionRepository(entityManager).ofTenant(first.id()));
        assertThat(ofFirst).extracting(Extension::displayName).containsExactly("First 101");
    }

    @Test
    void usernamesAreFoundWithoutRegardToCaseAndAreUnique() {
        UUID tenant = newTenant("login.example.com").id();
        database.inTransaction(entityManager -> new JpaPortalAccountRepository(entityManager)
                .add(PortalAccount.tenantLogin("Boss@Login", "boss-password".toCharArray(), Role.TENANT_ADMIN, tenant)));

        PortalAccount found = database.fetch(entityManager ->
                new JpaPortalAccountRepository(entityManager).findByUsername(" BOSS@login ").orElseThrow());
        assertThat(found.canSignIn("boss-password".toCharArray())).isTrue();
        assertThat(found.tenantId()).contains(tenant);

        assertThatThrownBy(() -> database.inTransaction(entityManager -> new JpaPortalAccountRepository(entityManager)
                .add(PortalAccount.tenantLogin("boss@login", "other".toCharArray(), Role.TENANT_USER, tenant))))
                .isInstanceOf(AlreadyTakenException.class)
                .hasMessage("This username is already taken");
    }
}
