package org.tandem.storage.demo;

import jakarta.persistence.EntityManager;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.Role;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.node.Node;
import org.tandem.domain.operator.Operator;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.voicemail.Mailbox;
import org.tandem.domain.voicemail.VoicemailPin;
import org.tandem.storage.jpa.JpaExtensionRepository;
import org.tandem.storage.jpa.JpaNewMailboxes;
import org.tandem.storage.jpa.JpaOperatorRepository;
import org.tandem.storage.jpa.JpaPoolRepository;
import org.tandem.storage.jpa.JpaPortalAccountRepository;
import org.tandem.storage.jpa.JpaResellerRepository;
import org.tandem.storage.jpa.JpaTenantRepository;

import java.util.ArrayList;
import java.util.List;

/**
 * What a newcomer's first run shows: an operator login, a reseller, one tenant with five
 * extensions (each with a voicemail box), its admin and an employee who sees extension 101, and a pool of this one node. The README lists these logins and SIP passwords; they
 * are public, so demo data is for a node on loopback, never for production.
 */
public final class DemoData {

    public static final String OPERATOR_LOGIN = "operator";
    public static final String OPERATOR_PASSWORD = "tandem-operator";
    public static final String RESELLER_LOGIN = "reseller";
    public static final String RESELLER_PASSWORD = "tandem-reseller";
    public static final String TENANT_ADMIN_LOGIN = "admin@acme";
    public static final String TENANT_ADMIN_PASSWORD = "tandem-admin";
    /** An employee of the demo tenant, who sees extension 101's phone and calls. */
    public static final String TENANT_USER_LOGIN = "alice@acme";
    public static final String TENANT_USER_PASSWORD = "tandem-alice";
    public static final SipDomain TENANT_DOMAIN = new SipDomain("acme.tandem.test");
    public static final String POOL_NAME = "demo-pool";

    /** Extension number, display name, SIP password and voicemail PIN of the demo tenant's phones. */
    public record DemoExtension(String number, String displayName, String sipPassword, String voicemailPin) {
    }

    public static final List<DemoExtension> EXTENSIONS = List.of(
            new DemoExtension("101", "Alice Archer", "acme-101-secret", "1010"),
            new DemoExtension("102", "Bob Baker", "acme-102-secret", "1020"),
            new DemoExtension("103", "Carol Chen", "acme-103-secret", "1030"),
            new DemoExtension("104", "Dave Dunn", "acme-104-secret", "1040"),
            new DemoExtension("105", "Erin Evans", "acme-105-secret", "1050"));

    private DemoData() {
    }

    /**
     * Seeds the demo in the caller's transaction, unless the database already has an operator
     * (a seeded or a real installation): seeding never touches existing data.
     *
     * @return whether anything was written
     */
    public static boolean seedIfEmpty(EntityManager entityManager, Node thisNode) {
        JpaOperatorRepository operators = new JpaOperatorRepository(entityManager);
        if (operators.find().isPresent()) {
            return false;
        }
        Operator operator = new Operator("Tandem demo operator");
        operators.add(operator);
        Reseller reseller = new Reseller(operator.id(), "Demo Reseller");
        new JpaResellerRepository(entityManager).add(reseller);
        Pool pool = Pool.ofOneNode(POOL_NAME, thisNode);
        new JpaPoolRepository(entityManager).add(pool);
        Tenant tenant = new Tenant(reseller.id(), pool.id(), "Acme Ltd", TENANT_DOMAIN, new PlanLimits(50, 10, 5));
        new JpaTenantRepository(entityManager).add(tenant);

        JpaExtensionRepository extensions = new JpaExtensionRepository(entityManager);
        List<Extension> added = new ArrayList<>();
        List<Mailbox> mailboxes = new ArrayList<>();
        for (DemoExtension demo : EXTENSIONS) {
            Extension extension = new Extension(tenant, new ExtensionNumber(demo.number()), demo.displayName(),
                    demo.sipPassword().toCharArray());
            extensions.add(extension);
            added.add(extension);
            mailboxes.add(Mailbox.open(extension.id(), tenant.id(), extension.number(),
                    VoicemailPin.choose(demo.voicemailPin(), extension.number())));
        }
        new JpaNewMailboxes(entityManager).open(mailboxes);

        JpaPortalAccountRepository accounts = new JpaPortalAccountRepository(entityManager);
        accounts.add(PortalAccount.operator(OPERATOR_LOGIN, OPERATOR_PASSWORD.toCharArray()));
        accounts.add(PortalAccount.resellerAdmin(RESELLER_LOGIN, RESELLER_PASSWORD.toCharArray(), reseller.id()));
        accounts.add(PortalAccount.tenantLogin(TENANT_ADMIN_LOGIN, TENANT_ADMIN_PASSWORD.toCharArray(),
                Role.TENANT_ADMIN, tenant.id()));
        accounts.add(PortalAccount.tenantUser(TENANT_USER_LOGIN, TENANT_USER_PASSWORD.toCharArray(), tenant.id(),
                added.getFirst().id()));
        return true;
    }
}
