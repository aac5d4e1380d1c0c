package org.tandem.domain.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every stored aggregate has: a UUID made by the node that creates it (never a shared
 * sequence, so nodes that replicate to each other can never hand out the same key), the time it
 * was created, and a version for optimistic locking.
 */
@MappedSuperclass
public abstract class Identified {

    @Id
    private UUID id;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Identified() {
        this.id = UUID.randomUUID();
        this.createdAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof Identified that && getClass() == that.getClass() && Objects.equals(id, that.id);
    }

    @Override
    public final int hashCode() {
        return Objects.hashCode(id);
    }
}
