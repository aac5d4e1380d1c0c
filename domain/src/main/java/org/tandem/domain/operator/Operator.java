package org.tandem.domain.operator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.tandem.domain.shared.Identified;
import org.tandem.domain.shared.Names;

/** The company that runs the Tandem cluster and sells service through resellers. */
@Entity
@Table(name = "operator")
public class Operator extends Identified {

    @Column(nullable = false)
    private String name;

    protected Operator() {
    }

    public Operator(String name) {
        this.name = Names.required(name, "operator name");
    }

    public String name() {
        return name;
    }
}
