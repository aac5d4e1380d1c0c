package org.tandem.domain.reseller;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ResellerRepository {

    void add(Reseller reseller);

    Optional<Reseller> find(UUID id);

    List<Reseller> all();
}
