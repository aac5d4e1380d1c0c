-- Keys for the REST API (#4). A token acts with the role and scope it was issued for; only a
-- SHA-256 of its 256-bit secret is kept. Configuration like a login: written by the home node of
-- its tenant (or the operator's node), UUID key made by the writer.

CREATE TABLE api_token (
    id            uuid PRIMARY KEY,
    label         text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
    secret_sha256 char(64) NOT NULL CONSTRAINT api_token_secret_hashed CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    role          text NOT NULL,
    reseller_id   uuid REFERENCES reseller (id),
    tenant_id     uuid REFERENCES tenant (id),
    created_at    timestamptz NOT NULL,
    version       bigint NOT NULL DEFAULT 0,
    CONSTRAINT api_token_role_scope CHECK (
        (role = 'OPERATOR' AND reseller_id IS NULL AND tenant_id IS NULL) OR
        (role = 'RESELLER_ADMIN' AND reseller_id IS NOT NULL AND tenant_id IS NULL) OR
        (role = 'TENANT_ADMIN' AND reseller_id IS NULL AND tenant_id IS NOT NULL))
);
CREATE INDEX api_token_reseller_idx ON api_token (reseller_id);
CREATE INDEX api_token_tenant_idx ON api_token (tenant_id);
