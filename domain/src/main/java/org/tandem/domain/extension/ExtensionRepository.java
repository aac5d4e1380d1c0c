package org.tandem.domain.extension;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ExtensionRepository {

    void add(Extension extension);

    Optional<Extension> find(UUID tenantId, ExtensionNumber number);

    List<Extension> ofTenant(UUID tenantId);
}
