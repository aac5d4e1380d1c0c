package org.tandem.domain.reseller;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.tandem.domain.shared.Identified;
import org.tandem.domain.shared.Names;

import java.util.Objects;
import java.util.UUID;

/** A company that sells the operator's PBX service to its own customers (tenants). */
@Entity
@Table(name = "reseller")
public class Reseller extends Identified {

    @Column(name = "operator_id", nullable = false, updatable = false)
    private UUID operatorId;

    @Column(nullable = false)
    private String name;

    protected Reseller() {
    }

    public Reseller(UUID operatorId, String name) {
        this.operatorId = Objects.requireNonNull(operatorId, "operator");
        this.name = Names.required(name, "reseller name");
    }

    public UUID operatorId() {
        return operatorId;
    }

    public String name() {
        return name;
    }
}
