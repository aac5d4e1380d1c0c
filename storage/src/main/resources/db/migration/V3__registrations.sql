-- Registrations (RFC 3261 section 10) and the per-extension limit on them.
-- A binding is owned by the node that took the REGISTER: only that node inserts, refreshes or
-- deletes it, and node_id is part of the unique key, so the same phone registered on two nodes
-- during a failover is two rows that never collide when the nodes replicate to each other.

ALTER TABLE extension
    ADD COLUMN max_contacts integer NOT NULL DEFAULT 5
        CONSTRAINT extension_max_contacts_range CHECK (max_contacts BETWEEN 1 AND 20);

CREATE TABLE registration (
    id               uuid PRIMARY KEY,
    node_id          uuid NOT NULL REFERENCES node (id),
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    extension_number text NOT NULL CONSTRAINT registration_extension_format CHECK (extension_number ~ '^[0-9]{2,10}$'),
    contact_uri      text NOT NULL CONSTRAINT registration_contact_length CHECK (length(contact_uri) BETWEEN 1 AND 1024),
    -- RFC 5626 +sip.instance: the same phone coming back under a new contact replaces its binding
    instance_id      text CONSTRAINT registration_instance_length CHECK (length(instance_id) <= 256),
    -- transport:address:port the REGISTER came from: the only way back to a phone behind NAT
    flow             text NOT NULL CONSTRAINT registration_flow_format CHECK (flow ~ '^[a-z]+:.+:[0-9]{1,5}$'),
    call_id          text NOT NULL CONSTRAINT registration_call_id_length CHECK (length(call_id) BETWEEN 1 AND 256),
    cseq             bigint NOT NULL CHECK (cseq >= 0),
    user_agent       text CONSTRAINT registration_user_agent_length CHECK (length(user_agent) <= 256),
    registered_at    timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    CONSTRAINT registration_times_ordered CHECK (expires_at > registered_at),
    CONSTRAINT registration_binding_unique UNIQUE (node_id, tenant_id, extension_number, contact_uri)
);
-- No foreign key to extension: deleting an extension on its home node would then cascade into
-- rows other nodes own. A binding of a deleted extension is never routed to and expires by itself.
-- The unique key above also serves "bindings of this address on this node" (its leading columns).
-- Cleanup of a node's expired rows:
CREATE INDEX registration_node_expiry_idx ON registration (node_id, expires_at);
-- Finding a phone from any node (calls, #3/#5):
CREATE INDEX registration_address_idx ON registration (tenant_id, extension_number);
