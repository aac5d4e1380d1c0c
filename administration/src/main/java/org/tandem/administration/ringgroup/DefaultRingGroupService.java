package org.tandem.administration.ringgroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.access.NotFoundException;
import org.tandem.administration.access.Permission;
import org.tandem.administration.access.Scope;
import org.tandem.administration.shared.FieldChecks;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.shared.OverPlanException;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.extension.ExtensionRepository;
import org.tandem.domain.ringgroup.RingGroup;
import org.tandem.domain.ringgroup.RingGroupRepository;
import org.tandem.domain.ringgroup.RingStrategy;
import org.tandem.domain.shared.AlreadyTakenException;
import org.tandem.domain.shared.Names;
import org.tandem.domain.tenant.PlanLimitReachedException;
import org.tandem.domain.tenant.Tenant;
import org.tandem.domain.tenant.TenantRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Not {@code @Transactional}: a group and its members are written by the ring-group repository in a
 * transaction of its own, under the per-tenant number lock the database's triggers also take.
 */
@ApplicationScoped
public class DefaultRingGroupService implements RingGroupService {

    private static final String NO_SUCH_GROUP = "No such ring group";
    private static final Permission MANAGE = Permission.administerTenant("manage ring groups");

    @Inject
    private TenantRepository tenants;
    @Inject
    private ExtensionRepository extensions;
    @Inject
    private RingGroupRepository groups;

    @Override
    public List<RingGroupSummary> ringGroups(Actor actor, UUID tenantId) {
        return groups.ofTenant(Scope.tenant(actor, MANAGE, tenants, tenantId).id()).stream()
                .map(DefaultRingGroupService::summary).toList();
    }

    @Override
    public RingGroupSummary create(Actor actor, UUID tenantId, String number, String name, RingStrategy strategy,
                                   int memberTimeoutSeconds, List<String> members) {
        Tenant tenant = toChange(actor, tenantId);
        FieldChecks checks = new FieldChecks();
        Optional<ExtensionNumber> groupNumber = checks.check(NUMBER, () -> new ExtensionNumber(strip(number)));
        groupNumber.flatMap(free -> takenProblem(tenant, free)).ifPresent(problem -> checks.taken(NUMBER, problem));
        Settings settings = settings(checks, tenant, name, memberTimeoutSeconds, members);
        checks.throwIfAny();
        RingGroup group = RingGroup.create(tenant.id(), groupNumber.orElseThrow(), settings.name(),
                strategy == null ? RingStrategy.SIMULTANEOUS : strategy, settings.timeout(), settings.members());
        try {
            groups.add(group, Instant.now());
        } catch (AlreadyTakenException raced) {
            throw new InvalidInputException(Map.of(NUMBER, raced.getMessage()), Set.of(NUMBER));
        } catch (PlanLimitReachedException full) {
            throw new OverPlanException(full.getMessage());
        }
        return summary(group);
    }

    @Override
    public RingGroupSummary update(Actor actor, UUID tenantId, UUID ringGroupId, String name, RingStrategy strategy,
                                   int memberTimeoutSeconds, List<String> members) {
        Tenant tenant = toChange(actor, tenantId);
        RingGroup current = groups.ofTenant(tenant.id()).stream()
                .filter(group -> group.id().equals(ringGroupId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(NO_SUCH_GROUP));
        FieldChecks checks = new FieldChecks();
        Settings settings = settings(checks, tenant, name, memberTimeoutSeconds, members);
        checks.throwIfAny();
        RingGroup changed = new RingGroup(current.id(), tenant.id(), current.number(), settings.name(),
                strategy == null ? RingStrategy.SIMULTANEOUS : strategy, settings.timeout(), settings.members());
        boolean replaced;
        try {
            replaced = groups.replace(changed);
        } catch (PlanLimitReachedException lowered) {
            // the plan was lowered since the check above; the repository checks again under the tenant's lock
            throw new InvalidInputException(Map.of(MEMBERS, lowered.getMessage()));
        }
        if (!replaced) {
            throw new NotFoundException(NO_SUCH_GROUP);
        }
        return summary(changed);
    }

    /** What create and update both set, checked: name, ring time per member, members. */
    private record Settings(String name, Duration timeout, List<ExtensionNumber> members) {
    }

    private Settings settings(FieldChecks checks, Tenant tenant, String name, int memberTimeoutSeconds,
                              List<String> members) {
        Optional<String> groupName = checks.check(NAME, () -> Names.required(name, "Ring group name"));
        Duration timeout = Duration.ofSeconds(memberTimeoutSeconds);
        if (timeout.compareTo(RingGroup.MIN_MEMBER_TIMEOUT) < 0 || timeout.compareTo(RingGroup.MAX_MEMBER_TIMEOUT) > 0) {
            checks.problem(TIMEOUT, "Ring time per member must be " + RingGroup.MIN_MEMBER_TIMEOUT.toSeconds() + " to "
                    + RingGroup.MAX_MEMBER_TIMEOUT.toSeconds() + " seconds");
        }
        List<String> given = members == null ? List.of() : members;
        int allowed = tenant.limits().maxRingGroupMembers();
        if (given.size() > allowed) {
            // refused before any member is looked up: a list can be long
            checks.problem(MEMBERS, PlanLimitReachedException.ringGroupMembers(allowed, given.size()).getMessage());
            return new Settings(groupName.orElse(null), timeout, List.of());
        }
        List<ExtensionNumber> memberNumbers = new ArrayList<>();
        for (String member : given) {
            checks.check(MEMBERS, () -> new ExtensionNumber(strip(member))).ifPresent(memberNumbers::add);
        }
        memberProblem(tenant, memberNumbers).ifPresent(problem -> checks.problem(MEMBERS, problem));
        return new Settings(groupName.orElse(null), timeout, memberNumbers);
    }

    /** Checked before the insert, so an expected clash never reaches the database as an error. */
    private Optional<String> takenProblem(Tenant tenant, ExtensionNumber number) {
        return extensions.holderOf(tenant.id(), number).map(holder -> switch (holder) {
            case EXTENSION -> "Number " + number + " is already an extension";
            case RING_GROUP -> "Ring group " + number + " already exists";
        });
    }

    private Optional<String> memberProblem(Tenant tenant, List<ExtensionNumber> members) {
        if (members.isEmpty()) {
            return Optional.of("Choose at least one member");
        }
        if (new HashSet<>(members).size() != members.size()) {
            return Optional.of("Each member can be listed once");
        }
        return members.stream().filter(member -> extensions.find(tenant.id(), member).isEmpty()).findFirst()
                .map(missing -> "Member " + missing + " is not an extension of this company");
    }

    @Override
    public void delete(Actor actor, UUID tenantId, UUID ringGroupId) {
        Tenant tenant = toChange(actor, tenantId);
        if (ringGroupId == null || !groups.remove(tenant.id(), ringGroupId)) {
            throw new NotFoundException(NO_SUCH_GROUP);
        }
    }

    /** The home-node check is the repository's, in the transaction that writes (see above). */
    private Tenant toChange(Actor actor, UUID tenantId) {
        Tenant tenant = Scope.tenant(actor, MANAGE, tenants, tenantId);
        Scope.requireChangeable(actor, tenant);
        return tenant;
    }

    private static RingGroupSummary summary(RingGroup group) {
        return new RingGroupSummary(group.id(), group.number().digits(), group.name(), group.strategy(),
                Math.toIntExact(group.memberTimeout().toSeconds()),
                group.members().stream().map(ExtensionNumber::digits).toList());
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
