-- How many calls each tenant has up on each node, as that node last published them (about every
-- second). A plan's concurrent-call limit holds across the cluster by adding the other nodes' fresh
-- rows to the node's own exact count. Each node writes only its own rows (node_id in the key), so
-- replication never has two writers for one row; a dead node's rows go stale and stop counting.
CREATE TABLE node_call_count (
    node_id    uuid        NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    tenant_id  uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    active     integer     NOT NULL CONSTRAINT node_call_count_active_not_negative CHECK (active >= 0),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (node_id, tenant_id)
);

CREATE INDEX node_call_count_by_freshness ON node_call_count (updated_at) WHERE active > 0;
