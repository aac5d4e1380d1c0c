-- The calls up now, on every node: what the portal's live view of a tenant's active calls shows.
-- A call lives in the memory of the node that handles it (engine.call); that node publishes its
-- state here, written behind so the SIP path never waits (engine.writebehind): a row while the call
-- rings or is answered, none once it ended. Each node writes only its own rows (the call's uuid is
-- made by that node; no sequence), so replication never has two writers for one row; a node clears
-- what it left behind (a crash) when it starts.
CREATE TABLE active_call (
    id          uuid        PRIMARY KEY,
    node_id     uuid        NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    caller      text        NOT NULL,
    callee      text        NOT NULL,
    state       text        NOT NULL CONSTRAINT active_call_state_known CHECK (state IN ('RINGING', 'ANSWERED')),
    started_at  timestamptz NOT NULL,
    answered_at timestamptz,
    CONSTRAINT active_call_answered_when_answered CHECK (
        (state = 'ANSWERED') = (answered_at IS NOT NULL) AND (answered_at IS NULL OR answered_at >= started_at))
);
CREATE INDEX active_call_by_tenant ON active_call (tenant_id, started_at);
CREATE INDEX active_call_by_node ON active_call (node_id);

-- Like V10: every change NOTIFYs channel active_call_changed with the tenant's id, row-level and
-- ENABLE ALWAYS so that the apply worker fires it for rows replicated from other nodes, with a
-- pinned search_path (the apply worker runs with an empty one). A batch of one tenant's changes in
-- one transaction is one notification: PostgreSQL folds identical payloads.
CREATE FUNCTION notify_active_call_changed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pg_notify('active_call_changed', COALESCE(NEW.tenant_id, OLD.tenant_id)::text);
    RETURN NULL;
END $$;

CREATE TRIGGER active_call_changed
    AFTER INSERT OR UPDATE OR DELETE ON active_call
    FOR EACH ROW EXECUTE FUNCTION notify_active_call_changed();

ALTER TABLE active_call ENABLE ALWAYS TRIGGER active_call_changed;
