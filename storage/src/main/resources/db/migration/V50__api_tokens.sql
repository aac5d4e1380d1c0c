-- API tokens (issue #4): secrets resellers and tenant admins make for their scripts. A token acts with
-- the rights of the login that made it, so it hangs off that login. Only the SHA-256 of the secret is
-- kept; the public prefix finds the row. V50 leaves V11-V49 to the branches that add migrations beside it.
--
-- Conflict-free under multi-master replication: the uuid key is made by the node that takes the
-- request; a row is inserted once and only its revoked_at is ever set afterwards (a second revocation
-- on another node changes nothing: the first stands, see JdbcApiTokens.revoke). Use is written per
-- node in api_token_use, a row each node owns (node_id in the key), like registrations; the last use
-- is the latest of them, read with the token.

CREATE TABLE api_token (
    id            uuid PRIMARY KEY,
    account_id    uuid NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
    name          text NOT NULL CONSTRAINT api_token_name_length CHECK (length(name) BETWEEN 1 AND 120),
    prefix        text NOT NULL CONSTRAINT api_token_prefix_unique UNIQUE
                  CONSTRAINT api_token_prefix_format CHECK (prefix ~ '^[a-z0-9]{12}$'),
    secret_sha256 char(64) NOT NULL CONSTRAINT api_token_secret_hashed CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    CONSTRAINT api_token_expires_after_creation CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX api_token_account_idx ON api_token (account_id);

CREATE TABLE api_token_use (
    token_id     uuid NOT NULL REFERENCES api_token (id) ON DELETE CASCADE,
    node_id      uuid NOT NULL REFERENCES node (id),
    last_used_at timestamptz NOT NULL,
    PRIMARY KEY (token_id, node_id)
);
