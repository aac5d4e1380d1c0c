package org.tandem.administration.ringgroup;

import org.tandem.administration.access.Actor;
import org.tandem.domain.ringgroup.RingStrategy;

import java.util.List;
import java.util.UUID;

/** A tenant's ring groups, reached like its extensions (its admins, its reseller, the operator). */
public interface RingGroupService {

    /** Field names, as {@link org.tandem.administration.shared.InvalidInputException} reports them. */
    String NUMBER = "number";
    String NAME = "name";
    String TIMEOUT = "memberTimeoutSeconds";
    String MEMBERS = "members";

    List<RingGroupSummary> ringGroups(Actor actor, UUID tenantId);

    /**
     * @throws org.tandem.administration.shared.InvalidInputException a bad or taken number, bad name or timeout, a member
     *                                                                 that is no extension, more members than the plan allows
     * @throws org.tandem.administration.shared.OverPlanException     the tenant has as many groups as its plan allows
     */
    RingGroupSummary create(Actor actor, UUID tenantId, String number, String name, RingStrategy strategy,
                            int memberTimeoutSeconds, List<String> members);

    /**
     * Sets everything of the group but its number, which is its identity (delete it and create another
     * to change it).
     *
     * @throws org.tandem.administration.access.NotFoundException no such group of the tenant
     * @throws org.tandem.administration.shared.InvalidInputException a bad name or timeout, a member that is no extension,
     *                                                                 more members than the plan allows
     */
    RingGroupSummary update(Actor actor, UUID tenantId, UUID ringGroupId, String name, RingStrategy strategy,
                            int memberTimeoutSeconds, List<String> members);

    void delete(Actor actor, UUID tenantId, UUID ringGroupId);
}
