package org.tandem.domain.registration;

import java.util.Objects;
import java.util.UUID;

/**
 * One change to one node's bindings: a binding stored (new or refreshed), or a binding removed.
 * Changes to the same binding ({@link #key()}) are applied in order, so the last one wins.
 */
public sealed interface BindingChange {

    /** Which binding a change is about: a node's binding of one address to one contact. */
    record Key(UUID nodeId, AddressOfRecord aor, String contactUri) {

        public Key {
            Objects.requireNonNull(nodeId, "node");
            Objects.requireNonNull(aor, "address of record");
            Objects.requireNonNull(contactUri, "contact");
        }
    }

    Key key();

    /** Stores the binding, or refreshes the one its node already has for the same address and contact. */
    record Saved(Registration binding) implements BindingChange {

        public Saved {
            Objects.requireNonNull(binding, "binding");
        }

        @Override
        public Key key() {
            return new Key(binding.nodeId(), binding.aor(), binding.contactUri());
        }
    }

    /** Deletes the node's binding of the address to the contact, if there is one. */
    record Removed(Key key) implements BindingChange {

        public Removed {
            Objects.requireNonNull(key, "binding");
        }

        public Removed(UUID nodeId, AddressOfRecord aor, String contactUri) {
            this(new Key(nodeId, aor, contactUri));
        }
    }
}
