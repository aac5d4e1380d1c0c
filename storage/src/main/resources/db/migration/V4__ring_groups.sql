-- Ring groups: a number of a tenant that rings its member extensions all at once (SIMULTANEOUS) or
-- one after another (SEQUENTIAL, member_timeout_seconds each). Configuration like extensions:
-- written only by the tenant's home node, UUID key made by the writer.

CREATE TABLE ring_group (
    id                     uuid PRIMARY KEY,
    tenant_id              uuid NOT NULL REFERENCES tenant (id),
    number                 text NOT NULL CONSTRAINT ring_group_number_format CHECK (number ~ '^[0-9]{2,10}$'),
    name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    strategy               text NOT NULL CONSTRAINT ring_group_strategy_known CHECK (strategy IN ('SIMULTANEOUS', 'SEQUENTIAL')),
    member_timeout_seconds integer NOT NULL DEFAULT 20
                           CONSTRAINT ring_group_member_timeout_range CHECK (member_timeout_seconds BETWEEN 5 AND 120),
    created_at             timestamptz NOT NULL,
    version                bigint NOT NULL DEFAULT 0,
    CONSTRAINT ring_group_number_unique UNIQUE (tenant_id, number)
);

-- Members in ring order. The key is the group and the position (composite: a member row is owned by
-- its group, written on the same home node in the same transaction, so it needs no key of its own).
-- No foreign key to extension (as for registration): a member whose extension was deleted is
-- skipped like one with no phone registered.
CREATE TABLE ring_group_member (
    ring_group_id    uuid NOT NULL REFERENCES ring_group (id) ON DELETE CASCADE,
    position         integer NOT NULL CHECK (position BETWEEN 0 AND 999),
    extension_number text NOT NULL CONSTRAINT ring_group_member_number_format CHECK (extension_number ~ '^[0-9]{2,10}$'),
    PRIMARY KEY (ring_group_id, position),
    CONSTRAINT ring_group_member_unique UNIQUE (ring_group_id, extension_number)
);

-- One number, one meaning: a number of a tenant is an extension or a ring group, never both. Checked
-- both ways by triggers, under a transaction-scoped advisory lock per tenant so two transactions
-- cannot each add one half. The error is a unique_violation naming a rule of its own
-- (extension_number_is_ring_group, ring_group_number_is_extension), so the storage layer reports it
-- in the business's words like any other taken number.
CREATE FUNCTION number_free_of_ring_group() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('tenant-number:' || NEW.tenant_id::text));
    IF EXISTS (SELECT 1 FROM ring_group g WHERE g.tenant_id = NEW.tenant_id AND g.number = NEW.number) THEN
        RAISE EXCEPTION 'duplicate key value violates unique constraint "extension_number_is_ring_group"'
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'extension_number_is_ring_group',
                  DETAIL = 'number ' || NEW.number || ' is a ring group of this tenant';
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION number_free_of_extension() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('tenant-number:' || NEW.tenant_id::text));
    IF EXISTS (SELECT 1 FROM extension e WHERE e.tenant_id = NEW.tenant_id AND e.number = NEW.number) THEN
        RAISE EXCEPTION 'duplicate key value violates unique constraint "ring_group_number_is_extension"'
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'ring_group_number_is_extension',
                  DETAIL = 'number ' || NEW.number || ' is an extension of this tenant';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER extension_number_not_a_ring_group
    BEFORE INSERT OR UPDATE OF tenant_id, number ON extension
    FOR EACH ROW EXECUTE FUNCTION number_free_of_ring_group();

CREATE TRIGGER ring_group_number_not_an_extension
    BEFORE INSERT OR UPDATE OF tenant_id, number ON ring_group
    FOR EACH ROW EXECUTE FUNCTION number_free_of_extension();
