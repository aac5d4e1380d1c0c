package org.tandem.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.account.Role;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.node.NetworkAddress;
import org.tandem.domain.node.Node;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.storage.demo.DemoData;
import org.tandem.storage.jdbc.JdbcMailboxes;
import org.tandem.storage.jpa.JpaExtensionRepository;
import org.tandem.storage.jpa.JpaPoolRepository;
import org.tandem.storage.jpa.JpaPortalAccountRepository;
import org.tandem.storage.jpa.JpaTenantRepository;
import org.tandem.storage.lifecycle.ThisNode;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest {

    @TempDir
    Path folder;

    @Test
    void seedsTheDemoOnceAndKeepsItAcrossARestart() {
        ThisNode thisNode = new ThisNode("node1", new NetworkAddress("127.0.0.1", 5060), "127.0.0.1");
        try (TestDatabase database = TestDatabase.startIn(folder)) {
            boolean seeded = database.fetch(entityManager ->
                    DemoData.seedIfEmpty(entityManager, thisNode.registerIn(entityManager)));
            assertThat(seeded).isTrue();
        }

        try (TestDatabase restarted = TestDatabase.startIn(folder)) {
            boolean seededAgain = restarted.fetch(entityManager ->
                    DemoData.seedIfEmpty(entityManager, thisNode.registerIn(entityManager)));
            assertThat(seededAgain).as("an existing installation is never seeded again").isFalse();

            restarted.inTransaction(entityManager -> {
                Tenant tenant = new JpaTenantRepository(entityManager).findBySipDomain(DemoData.TENANT_DOMAIN).orElseThrow();
                assertThat(new JpaExtensionRepository(entityManager).ofTenant(tenant.id()))
                        .extracting(Extension::sipUsername).containsExactly("101", "102", "103", "104", "105");
                Extension alice = new JpaExtensionRepository(entityManager).ofTenant(tenant.id()).getFirst();
                assertThat(alice.credentials()).isEqualTo(org.tandem.domain.extension.SipCredentials.derive(
                        "101", "acme.tandem.test", DemoData.EXTENSIONS.getFirst().sipPassword().toCharArray()));

                assertThat(new JpaPoolRepository(entityManager).all()).singleElement().satisfies(pool -> {
                    Node node = thisNode.registerIn(entityManager);
                    assertThat(pool.nodesInOrder()).containsExactly(node.id());
                    assertThat(tenant.poolId()).isEqualTo(pool.id());
                });

                List<Mailbox> mailboxes = new JdbcMailboxes(restarted.dataSource()).ofTenant(tenant.id());
                assertThat(mailboxes).extracting(mailbox -> mailbox.extension().digits())
                        .containsExactly("101", "102", "103", "104", "105");
                for (int i = 0; i < mailboxes.size(); i++) {
                    assertThat(mailboxes.get(i).pin().matches(DemoData.EXTENSIONS.get(i).voicemailPin()))
                            .as("the README's PIN of " + mailboxes.get(i).extension()).isTrue();
                    assertThat(mailboxes.get(i).settings().enabled()).isTrue();
                }

                JpaPortalAccountRepository accounts = new JpaPortalAccountRepository(entityManager);
                assertThat(accounts.findByUsername(DemoData.OPERATOR_LOGIN).orElseThrow().role()).isEqualTo(Role.OPERATOR);
                assertThat(accounts.findByUsername(DemoData.TENANT_ADMIN_LOGIN).orElseThrow()
                        .canSignIn(DemoData.TENANT_ADMIN_PASSWORD.toCharArray())).isTrue();
                assertThat(accounts.findByUsername(DemoData.RESELLER_LOGIN).orElseThrow().resellerId()).isPresent();
                assertThat(accounts.findByUsername(DemoData.TENANT_USER_LOGIN).orElseThrow().extensionId())
                        .contains(new JpaExtensionRepository(entityManager).ofTenant(tenant.id()).stream()
                                .filter(extension -> extension.number().digits().equals("101")).findFirst()
                                .orElseThrow().id());
            });
        }
    }
}
