-- Tandem configuration schema.
-- Conflict-free by construction, because every node's PostgreSQL takes writes and replicates to
-- every other (docs/architecture.md):
--   * every key is a UUID made by the writing node: no sequences, no identity columns;
--   * a tenant's rows are written only on its home node, so two nodes never update one row;
--   * state kept per node (registrations, dialogs, call records) lives in rows owned by that node.

CREATE TABLE operator (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    created_at  timestamptz NOT NULL,
    version     bigint NOT NULL DEFAULT 0
);

CREATE TABLE reseller (
    id          uuid PRIMARY KEY,
    operator_id uuid NOT NULL REFERENCES operator (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    created_at  timestamptz NOT NULL,
    version     bigint NOT NULL DEFAULT 0
);

CREATE TABLE node (
    id           uuid PRIMARY KEY,
    name         text NOT NULL CONSTRAINT node_name_unique UNIQUE
                 CONSTRAINT node_name_format CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    sip_host     text NOT NULL,
    sip_port     integer NOT NULL CHECK (sip_port BETWEEN 1 AND 65535),
    cluster_host text NOT NULL,
    created_at   timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0
);

CREATE TABLE pool (
    id                uuid PRIMARY KEY,
    name              text NOT NULL CONSTRAINT pool_name_unique UNIQUE,
    primary_node_id   uuid NOT NULL REFERENCES node (id),
    secondary_node_id uuid REFERENCES node (id),
    created_at        timestamptz NOT NULL,
    version           bigint NOT NULL DEFAULT 0,
    CONSTRAINT pool_nodes_distinct CHECK (secondary_node_id IS DISTINCT FROM primary_node_id)
);

CREATE TABLE tenant (
    id                   uuid PRIMARY KEY,
    reseller_id          uuid NOT NULL REFERENCES reseller (id),
    pool_id              uuid NOT NULL REFERENCES pool (id),
    company_name         text NOT NULL CHECK (length(company_name) BETWEEN 1 AND 120),
    sip_domain           text NOT NULL CONSTRAINT tenant_sip_domain_unique UNIQUE
                         CONSTRAINT tenant_sip_domain_format
                         CHECK (sip_domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'
                                AND length(sip_domain) <= 253),
    max_extensions       integer NOT NULL CONSTRAINT tenant_max_extensions_range CHECK (max_extensions BETWEEN 1 AND 10000),
    max_concurrent_calls integer NOT NULL CONSTRAINT tenant_max_concurrent_calls_range CHECK (max_concurrent_calls BETWEEN 1 AND 10000),
    max_calls_per_second integer NOT NULL CONSTRAINT tenant_max_calls_per_second_range CHECK (max_calls_per_second BETWEEN 1 AND 1000),
    status               text NOT NULL CONSTRAINT tenant_status_known CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at           timestamptz NOT NULL,
    version              bigint NOT NULL DEFAULT 0
);
CREATE INDEX tenant_reseller_idx ON tenant (reseller_id);
CREATE INDEX tenant_pool_idx ON tenant (pool_id);

-- SIP secrets are kept only as digest HA1 hashes (RFC 2617 MD5, RFC 8760 SHA-256).
CREATE TABLE extension (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    number       text NOT NULL CONSTRAINT extension_number_format CHECK (number ~ '^[0-9]{2,10}$'),
    display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    ha1_md5      char(32) NOT NULL CONSTRAINT extension_ha1_md5_format CHECK (ha1_md5 ~ '^[0-9a-f]{32}$'),
    ha1_sha256   char(64) NOT NULL CONSTRAINT extension_ha1_sha256_format CHECK (ha1_sha256 ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0,
    CONSTRAINT extension_number_unique UNIQUE (tenant_id, number)
);

CREATE TABLE portal_account (
    id            uuid PRIMARY KEY,
    username      text NOT NULL CONSTRAINT portal_account_username_unique UNIQUE
                  CONSTRAINT portal_account_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{2,63}$'),
    password_hash text NOT NULL CONSTRAINT portal_account_password_hashed CHECK (password_hash LIKE 'pbkdf2-sha256$%'),
    role          text NOT NULL,
    reseller_id   uuid REFERENCES reseller (id),
    tenant_id     uuid REFERENCES tenant (id),
    created_at    timestamptz NOT NULL,
    version       bigint NOT NULL DEFAULT 0,
    CONSTRAINT portal_account_role_scope CHECK (
        (role = 'OPERATOR' AND reseller_id IS NULL AND tenant_id IS NULL) OR
        (role = 'RESELLER_ADMIN' AND reseller_id IS NOT NULL AND tenant_id IS NULL) OR
        (role IN ('TENANT_ADMIN', 'TENANT_USER') AND reseller_id IS NULL AND tenant_id IS NOT NULL))
);
