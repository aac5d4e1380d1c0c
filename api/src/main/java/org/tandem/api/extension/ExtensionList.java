package org.tandem.api.extension;

import org.tandem.administration.extension.TenantExtensions;

import java.util.List;
import java.util.UUID;

/** A tenant's extensions, with what its plan allows. */
public record ExtensionList(UUID tenantId, String companyName, String sipDomain, int maxExtensions,
                            List<Extension> extensions) {

    static ExtensionList of(TenantExtensions tenant) {
        return new ExtensionList(tenant.tenantId(), tenant.companyName(), tenant.sipDomain(), tenant.maxExtensions(),
                tenant.extensions().stream().map(extension -> Extension.of(extension, tenant.sipDomain())).toList());
    }
}
