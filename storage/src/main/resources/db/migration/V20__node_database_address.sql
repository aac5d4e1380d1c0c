-- Where each node's PostgreSQL is reached by its peers (host, port, database name), so the node
-- table is the cluster's directory: a joining node learns every member from any one of them, and
-- each node subscribes to every other. Written only by the node itself (its own row), after it has
-- joined. NULL for a node whose database no other node replicates with (a lone node).
-- Additive and nullable, like every migration of a replicated table (docs/operations.md): a node
-- still on the previous version keeps applying changes from the others.

ALTER TABLE node
    ADD COLUMN db_host text CONSTRAINT node_db_host_format CHECK (db_host ~ '^[A-Za-z0-9.:\[\]-]{1,253}$'),
    ADD COLUMN db_port integer CONSTRAINT node_db_port_range CHECK (db_port BETWEEN 1 AND 65535),
    ADD COLUMN db_name text CONSTRAINT node_db_name_format CHECK (db_name ~ '^[A-Za-z0-9_]{1,63}$'),
    ADD CONSTRAINT node_db_address_whole CHECK ((db_host IS NULL) = (db_port IS NULL) AND (db_port IS NULL) = (db_name IS NULL));
