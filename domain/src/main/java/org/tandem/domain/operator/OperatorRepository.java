package org.tandem.domain.operator;

import java.util.Optional;

public interface OperatorRepository {

    void add(Operator operator);

    /** The cluster has one operator; empty until the first start seeds or an installer creates it. */
    Optional<Operator> find();
}
