-- Call detail records: one row per call attempt, written once by the node that handled the call
-- and never changed, so replication between nodes only ever appends.

CREATE TABLE call_record (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    node_id      uuid NOT NULL REFERENCES node (id),
    caller       text NOT NULL,
    callee       text NOT NULL,
    started_at   timestamptz NOT NULL,
    answered_at  timestamptz,
    ended_at     timestamptz NOT NULL,
    disposition  text NOT NULL CONSTRAINT call_record_disposition_known
                 CHECK (disposition IN ('ANSWERED', 'BUSY', 'NO_ANSWER', 'CANCELLED', 'FAILED')),
    sip_cause    integer NOT NULL CHECK (sip_cause BETWEEN 100 AND 699),
    CONSTRAINT call_record_times_ordered CHECK (
        ended_at >= started_at AND (answered_at IS NULL OR answered_at BETWEEN started_at AND ended_at))
);
CREATE INDEX call_record_tenant_time_idx ON call_record (tenant_id, started_at);

CREATE FUNCTION refuse_change_of_written_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are insert-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER call_record_insert_only
    BEFORE UPDATE OR DELETE ON call_record
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_written_record();
