-- A plan bounds ring groups too: how many a tenant may have, and how many members one group may
-- ring. Checked by the application under the tenant's number lock (TenantNumberLock), like the
-- extension limit. Existing tenants get the defaults; additive with defaults, so a node that has not
-- run this yet keeps replicating (docs/operations.md, upgrades).
ALTER TABLE tenant
    ADD COLUMN max_ring_groups integer NOT NULL DEFAULT 10
        CONSTRAINT tenant_max_ring_groups_range CHECK (max_ring_groups BETWEEN 0 AND 1000),
    ADD COLUMN max_ring_group_members integer NOT NULL DEFAULT 20
        CONSTRAINT tenant_max_ring_group_members_range CHECK (max_ring_group_members BETWEEN 1 AND 1000);
