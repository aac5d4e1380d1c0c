package org.tandem.domain.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.tandem.domain.shared.Identified;
import org.tandem.domain.shared.Names;

import java.util.Objects;
import java.util.UUID;

/**
 * A customer company: its own SIP domain, extensions and plan, sold by one reseller and served by
 * one pool. The pool's primary node is the tenant's home node, the only node that writes its
 * configuration while it is up (so multi-master replication never sees two writers of one row).
 */
@Entity
@Table(name = "tenant")
public class Tenant extends Identified {

    @Column(name = "reseller_id", nullable = false, updatable = false)
    private UUID resellerId;

    @Column(name = "pool_id", nullable = false)
    private UUID poolId;

    @Column(name = "company_name", nullable = false)
    private String companyName;

    @Column(name = "sip_domain", nullable = false, unique = true, updatable = false)
    private String sipDomain;

    @Embedded
    private PlanLimits limits;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status;

    @Column(name = "prompt_language", nullable = false)
    private String promptLanguage = PromptLanguage.ENGLISH.code();

    protected Tenant() {
    }

    public Tenant(UUID resellerId, UUID poolId, String companyName, SipDomain sipDomain, PlanLimits limits) {
        this.resellerId = Objects.requireNonNull(resellerId, "reseller");
        this.poolId = Objects.requireNonNull(poolId, "pool");
        this.companyName = Names.required(companyName, "company name");
        this.sipDomain = Objects.requireNonNull(sipDomain, "SIP domain").name();
        this.limits = Objects.requireNonNull(limits, "plan limits");
        this.status = TenantStatus.ACTIVE;
    }

    public UUID resellerId() {
        return resellerId;
    }

    public UUID poolId() {
        return poolId;
    }

    public String companyName() {
        return companyName;
    }

    public SipDomain sipDomain() {
        return new SipDomain(sipDomain);
    }

    public PlanLimits limits() {
        return limits;
    }

    public TenantStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    public void suspend() {
        status = TenantStatus.SUSPENDED;
    }

    public void resume() {
        status = TenantStatus.ACTIVE;
    }

    public void changeLimits(PlanLimits newLimits) {
        limits = Objects.requireNonNull(newLimits, "plan limits");
    }

    /** The language its callers hear the node's prompts in. */
    public PromptLanguage promptLanguage() {
        return new PromptLanguage(promptLanguage);
    }

    public void changePromptLanguage(PromptLanguage language) {
        promptLanguage = Objects.requireNonNull(language, "prompt language").code();
    }
}
