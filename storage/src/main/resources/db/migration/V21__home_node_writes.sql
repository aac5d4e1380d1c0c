-- One writer per tenant (docs/architecture.md): in a cluster, a tenant's configuration is written
-- only on its home node, the pool's primary (or its secondary while the primary is down). The
-- application decides which node that is (HomeNodeGuard, storage.replication: it knows which nodes
-- are up) and marks the transaction with the pools it may write for; this trigger refuses every
-- change to a tenant's configuration in a transaction not so marked, whatever code writes.
-- A lone node (no subscription) writes everything: it has no peer to conflict with.
-- Replicated changes are not checked: triggers do not fire when a subscription applies them.

CREATE FUNCTION require_home_node_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    written jsonb := to_jsonb(COALESCE(NEW, OLD));
    before jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END;
    pools uuid[];
    pool uuid;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_subscription s JOIN pg_database d ON d.oid = s.subdbid
                   WHERE d.datname = current_database()) THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    pools := CASE TG_TABLE_NAME
        WHEN 'tenant' THEN ARRAY[(written ->> 'pool_id')::uuid, (before ->> 'pool_id')::uuid]
        WHEN 'ring_group_member' THEN ARRAY(SELECT t.pool_id FROM ring_group g JOIN tenant t ON t.id = g.tenant_id
                                             WHERE g.id = (written ->> 'ring_group_id')::uuid)
        ELSE ARRAY(SELECT t.pool_id FROM tenant t WHERE t.id = (written ->> 'tenant_id')::uuid)
    END;
    FOREACH pool IN ARRAY pools LOOP
        IF pool IS NOT NULL
           AND position(pool::text IN coalesce(current_setting('tandem.home_pools', true), '')) = 0 THEN
            RAISE EXCEPTION 'configuration of pool % written on a node that is not its home node now', pool
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'check the home node first (HomeNodeGuard), in the same transaction';
        END IF;
    END LOOP;
    RETURN COALESCE(NEW, OLD);
END $$;

CREATE TRIGGER tenant_written_on_home_node BEFORE INSERT OR UPDATE OR DELETE ON tenant
    FOR EACH ROW EXECUTE FUNCTION require_home_node_write();
CREATE TRIGGER extension_written_on_home_node BEFORE INSERT OR UPDATE OR DELETE ON extension
    FOR EACH ROW EXECUTE FUNCTION require_home_node_write();
CREATE TRIGGER ring_group_written_on_home_node BEFORE INSERT OR UPDATE OR DELETE ON ring_group
    FOR EACH ROW EXECUTE FUNCTION require_home_node_write();
CREATE TRIGGER ring_group_member_written_on_home_node BEFORE INSERT OR UPDATE OR DELETE ON ring_group_member
    FOR EACH ROW EXECUTE FUNCTION require_home_node_write();
-- Operator and reseller logins have no tenant (tenant_id is null): they pass.
CREATE TRIGGER portal_account_written_on_home_node BEFORE INSERT OR UPDATE OR DELETE ON portal_account
    FOR EACH ROW EXECUTE FUNCTION require_home_node_write();
