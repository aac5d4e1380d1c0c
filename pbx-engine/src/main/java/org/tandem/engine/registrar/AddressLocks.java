package org.tandem.engine.registrar;

import org.tandem.domain.registration.AddressOfRecord;

/**
 * Serialises the REGISTERs of one address of record: reading its bindings, deciding and writing
 * must not interleave with another REGISTER for it, or two phones could both pass the contact limit.
 * A lock in this process is enough because only this node writes this node's bindings. Striped, so
 * memory does not grow with the number of extensions.
 */
final class AddressLocks {

    private final Object[] stripes;

    AddressLocks(int stripes) {
        this.stripes = new Object[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new Object();
        }
    }

    Object of(AddressOfRecord aor) {
        return stripes[Math.floorMod(aor.hashCode(), stripes.length)];
    }
}
