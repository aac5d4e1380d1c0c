package org.tandem.domain.reseller;

import java.util.List;

public interface ResellerRepository {

    void add(Reseller reseller);

    List<Reseller> all();
}
