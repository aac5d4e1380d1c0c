package org.tandem.engine.location;

import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.BindingChange;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.registration.RegistrationRepository;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Bindings that another repository keeps: a subclass changes only the operations it puts something in front of. */
abstract class ForwardingRegistrations implements RegistrationRepository {

    private final RegistrationRepository delegate;

    ForwardingRegistrations(RegistrationRepository delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void apply(List<BindingChange> changes) {
        delegate.apply(changes);
    }

    @Override
    public int removeAll(UUID nodeId, AddressOfRecord aor) {
        return delegate.removeAll(nodeId, aor);
    }

    @Override
    public List<Registration> active(UUID nodeId, AddressOfRecord aor, Instant now) {
        return delegate.active(nodeId, aor, now);
    }

    @Override
    public List<Registration> activeAnywhere(AddressOfRecord aor, Instant now) {
        return delegate.activeAnywhere(aor, now);
    }

    @Override
    public List<Registration> allActive(UUID nodeId, Instant now) {
        return delegate.allActive(nodeId, now);
    }

    @Override
    public int deleteExpired(UUID nodeId, Instant now, int limit) {
        return delegate.deleteExpired(nodeId, now, limit);
    }

    @Override
    public long countActive(UUID nodeId, Instant now) {
        return delegate.countActive(nodeId, now);
    }
}
