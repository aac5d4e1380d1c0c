-- Each node says every few seconds that it is alive, whether its SIP engine runs, and where its
-- portal answers (for "use the portal of the home node" and the operator's cluster view). One row
-- per node, written only by that node (node_id is the key), so replication never sees two writers.
-- A row that stops changing is a node that is down or cut off from this one.
CREATE TABLE node_heartbeat (
    node_id    uuid        PRIMARY KEY REFERENCES node (id) ON DELETE CASCADE,
    seen_at    timestamptz NOT NULL,
    started_at timestamptz NOT NULL,
    sip_up     boolean     NOT NULL,
    portal_url text        CONSTRAINT node_heartbeat_portal_url_format CHECK (portal_url ~ '^https?://[^\s]{1,250}$')
);
