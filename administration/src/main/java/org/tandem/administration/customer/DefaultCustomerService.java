package org.tandem.administration.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.access.Permission;
import org.tandem.administration.access.Scope;
import org.tandem.administration.account.PasswordStrength;
import org.tandem.administration.account.Usernames;
import org.tandem.administration.shared.FieldChecks;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.domain.account.PortalAccount;
import org.tandem.domain.account.PortalAccountRepository;
import org.tandem.domain.account.Role;
import org.tandem.domain.call.CallHistory;
import org.tandem.domain.call.CallUsage;
import org.tandem.domain.extension.ExtensionRepository;
import org.tandem.domain.node.Node;
import org.tandem.domain.node.NodeRepository;
import org.tandem.domain.pool.Pool;
import org.tandem.domain.pool.PoolRepository;
import org.tandem.domain.pool.PoolUsage;
import org.tandem.domain.registration.TenantRegistrations;
import org.tandem.domain.reseller.Reseller;
import org.tandem.domain.reseller.ResellerRepository;
import org.tandem.domain.shared.Names;
import org.tandem.domain.ringgroup.RingGroup;
import org.tandem.domain.ringgroup.RingGroupRepository;
import org.tandem.domain.tenant.HomeNodeCheck;
import org.tandem.domain.tenant.PlanLimits;
import org.tandem.domain.tenant.SipDomain;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;
import org.tandem.router.PoolPlacement;
import org.tandem.router.PoolPlacement.PoolLoad;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class DefaultCustomerService implements CustomerService {

    private static final Permission ONBOARD = Permission.to("onboard customers", Role.OPERATOR, Role.RESELLER_ADMIN);
    private static final Permission MANAGE = Permission.to("manage customers", Role.OPERATOR, Role.RESELLER_ADMIN);

    @Inject
    private TenantRepository tenants;
    @Inject
    private ResellerRepository resellers;
    @Inject
    private PortalAccountRepository accounts;
    @Inject
    private ExtensionRepository extensions;
    @Inject
    private PoolRepository pools;
    @Inject
    private NodeRepository nodes;
    @Inject
    private TenantRegistrations registrations;
    @Inject
    private CallHistory calls;
    @Inject
    private HomeNodeCheck homeNode;
    @Inject
    private RingGroupRepository ringGroups;
    private final Clock clock = Clock.systemUTC();

    @Override
    public Customer onboard(Actor actor, Onboarding form) {
        ONBOARD.require(actor);
        FieldChecks checks = new FieldChecks();
        Optional<Reseller> reseller = sellingReseller(actor, form.resellerId(), checks);
        Optional<String> company = checks.check(Onboarding.COMPANY, () -> Names.required(form.companyName(), "Company name"));
        Optional<SipDomain> domain = checks.check(Onboarding.SIP_DOMAIN, () -> new SipDomain(form.sipDomain()));
        domain.filter(taken -> tenants.findBySipDomain(taken).isPresent())
                .ifPresent(taken -> checks.taken(Onboarding.SIP_DOMAIN, "This SIP domain is already used by another customer"));
        Optional<String> username = Usernames.free(checks, Onboarding.ADMIN_USERNAME, form.adminUsername(), accounts);
        PasswordStrength.problem(form.adminUsername(), form.adminPassword())
                .ifPresent(problem -> checks.problem(Onboarding.ADMIN_PASSWORD, problem));
        Optional<PlanLimits> plan = checks.check(Onboarding.PLAN,
                () -> new PlanLimits(form.maxExtensions(), form.maxConcurrentCalls(), form.maxCallsPerSecond(),
                        Objects.requireNonNullElse(form.maxRingGroups(), PlanLimits.DEFAULT_RING_GROUPS),
                        Objects.requireNonNullElse(form.maxRingGroupMembers(), PlanLimits.DEFAULT_RING_GROUP_MEMBERS)));
        Optional<PoolLoad> pool = PoolPlacement.leastLoaded(pools.usage().stream().map(DefaultCustomerService::load).toList());
        if (pool.isEmpty()) {
            checks.problem(InvalidInputException.WHOLE, "No pool can take a new customer yet: the operator has to set one up");
        }
        checks.throwIfAny();
        homeNode.requireHomeOfPool(pool.orElseThrow().poolId(), "The new customer " + domain.orElseThrow().name()
                + " (pool " + pool.orElseThrow().poolName() + ")");

        Tenant tenant = new Tenant(reseller.orElseThrow().id(), pool.orElseThrow().poolId(), company.orElseThrow(),
                domain.orElseThrow(), plan.orElseThrow());
        tenants.add(tenant);
        accounts.add(PortalAccount.tenantLogin(username.orElseThrow(), form.adminPassword(), Role.TENANT_ADMIN, tenant.id()));
        return details(tenant);
    }

    /** The reseller the new customer is sold by: the operator's pick, or the reseller admin's own. */
    private Optional<Reseller> sellingReseller(Actor actor, UUID requested, FieldChecks checks) {
        UUID resellerId = actor.is(Role.RESELLER_ADMIN) ? actor.resellerId() : requested;
        if (actor.is(Role.RESELLER_ADMIN) && requested != null && !requested.equals(actor.resellerId())) {
            checks.problem(Onboarding.RESELLER, "You can only onboard customers of your own reseller");
            return Optional.empty();
        }
        Optional<Reseller> reseller = resellerId == null ? Optional.empty() : resellers.find(resellerId);
        if (reseller.isEmpty()) {
            checks.problem(Onboarding.RESELLER, "Choose the reseller that sells this customer");
        }
        return reseller;
    }

    private static PoolLoad load(PoolUsage usage) {
        return new PoolLoad(usage.pool().id(), usage.pool().name(), Math.toIntExact(usage.tenants()),
                Math.toIntExact(usage.extensions()));
    }

    @Override
    public List<CustomerSummary> search(Actor actor, String text) {
        MANAGE.require(actor);
        return summaries(tenants.search(actor.resellerId(), text, SEARCH_LIMIT));
    }

    @Override
    public Customer customer(Actor actor, UUID tenantId) {
        return details(Scope.tenant(actor, MANAGE, tenants, tenantId));
    }

    @Override
    public CustomerSummary suspend(Actor actor, UUID tenantId) {
        Tenant tenant = managedToChange(actor, tenantId);
        tenant.suspend();
        return summary(tenant);
    }

    @Override
    public CustomerSummary resume(Actor actor, UUID tenantId) {
        Tenant tenant = managedToChange(actor, tenantId);
        tenant.resume();
        return summary(tenant);
    }

    @Override
    public CustomerSummary changePlan(Actor actor, UUID tenantId, PlanChange change) {
        MANAGE.require(actor);
        if (tenantId != null) {
            // before the tenant is read: a create counting against the old plan has committed, or waits for the new one
            extensions.lockNumbers(tenantId);
        }
        Tenant tenant = managedToChange(actor, tenantId);
        PlanLimits current = tenant.limits();
        FieldChecks checks = new FieldChecks();
        Optional<PlanLimits> plan = checks.check(PlanChange.PLAN, () -> new PlanLimits(change.maxExtensions(),
                change.maxConcurrentCalls(), change.maxCallsPerSecond(),
                Objects.requireNonNullElse(change.maxRingGroups(), current.maxRingGroups()),
                Objects.requireNonNullElse(change.maxRingGroupMembers(), current.maxRingGroupMembers())));
        plan.flatMap(limits -> inUseProblem(tenant, limits)).ifPresent(problem -> checks.problem(PlanChange.PLAN, problem));
        checks.throwIfAny();
        tenant.changeLimits(plan.orElseThrow());
        return summary(tenant);
    }

    /** What the customer has that {@code plan} would not allow: extensions, ring groups, members of one group. */
    private Optional<String> inUseProblem(Tenant tenant, PlanLimits plan) {
        long inUse = extensions.countOfTenant(tenant.id());
        if (plan.maxExtensions() < inUse) {
            return Optional.of(tenant.companyName() + " has " + inUse + " extensions: a plan for " + plan.maxExtensions()
                    + " needs " + (inUse - plan.maxExtensions()) + " of them removed first");
        }
        List<RingGroup> groups = ringGroups.ofTenant(tenant.id());
        if (plan.maxRingGroups() < groups.size()) {
            return Optional.of(tenant.companyName() + " has " + groups.size() + " ring groups: a plan for "
                    + plan.maxRingGroups() + " needs " + (groups.size() - plan.maxRingGroups()) + " of them removed first");
        }
        return groups.stream().filter(group -> group.members().size() > plan.maxRingGroupMembers()).findFirst()
                .map(group -> "Ring group " + group.number() + " has " + group.members().size() + " members: a plan for "
                        + plan.maxRingGroupMembers() + " members per group needs "
                        + (group.members().size() - plan.maxRingGroupMembers()) + " of them removed first");
    }

    @Override
    public List<ResellerChoice> resellers(Actor actor) {
        MANAGE.require(actor);
        return resellers.all().stream()
                .filter(reseller -> actor.is(Role.OPERATOR) || reseller.id().equals(actor.resellerId()))
                .map(reseller -> new ResellerChoice(reseller.id(), reseller.name()))
                .toList();
    }

    private Tenant managedToChange(Actor actor, UUID tenantId) {
        return Scope.tenantToChange(actor, MANAGE, tenants, tenantId, homeNode);
    }

    private Customer details(Tenant tenant) {
        Pool pool = pools.find(tenant.poolId()).orElseThrow(() -> new NotFoundException("No such pool"));
        Map<UUID, Node> byId = nodes.all().stream().collect(Collectors.toMap(Node::id, Function.identity()));
        List<Node> poolNodes = pool.nodesInOrder().stream().map(byId::get).toList();
        List<String> admins = accounts.ofTenant(tenant.id()).stream()
                .filter(account -> account.role() == Role.TENANT_ADMIN)
                .map(PortalAccount::username)
                .toList();
        return new Customer(summary(tenant), admins, DnsRecords.of(tenant.sipDomain(), poolNodes), tenant.promptLanguage());
    }

    private CustomerSummary summary(Tenant tenant) {
        return summaries(List.of(tenant)).getFirst();
    }

    /** Summaries of {@code found} with a few queries for all of them, not a few per customer. */
    private List<CustomerSummary> summaries(List<Tenant> found) {
        List<UUID> ids = found.stream().map(Tenant::id).toList();
        Instant now = clock.instant();
        Map<UUID, Long> counts = extensions.countsOfTenants(ids);
        Map<UUID, Long> phones = registrations.countsOf(ids, now);
        Map<UUID, CallUsage> usage = calls.usageSince(ids, now.minus(Duration.ofDays(USAGE_DAYS)));
        Map<UUID, String> poolNames = pools.all().stream().collect(Collectors.toMap(Pool::id, Pool::name));
        Map<UUID, String> resellerNames = resellers.all().stream().collect(Collectors.toMap(Reseller::id, Reseller::name));
        return found.stream().map(tenant -> {
            PlanLimits plan = tenant.limits();
            CallUsage used = usage.getOrDefault(tenant.id(), CallUsage.NONE);
            return new CustomerSummary(tenant.id(), tenant.companyName(), tenant.sipDomain().name(), tenant.status(),
                    resellerNames.getOrDefault(tenant.resellerId(), "?"), poolNames.getOrDefault(tenant.poolId(), "?"),
                    counts.getOrDefault(tenant.id(), 0L), plan.maxExtensions(), plan.maxConcurrentCalls(),
                    plan.maxCallsPerSecond(), plan.maxRingGroups(), plan.maxRingGroupMembers(),
                    tenant.isActive() ? phones.getOrDefault(tenant.id(), 0L) : 0L, used.calls(),
                    Duration.ofSeconds(used.talkSeconds()).toMinutes());
        }).toList();
    }
}
