-- API tokens per login (issue #4). V11 kept a token per role and scope (a reseller's, a tenant's,
-- the operator's), found by the id inside its text and deleted on revocation. A token now acts with
-- the rights of the login that made it, so it hangs off that login; it is found by a short public
-- prefix, may expire, and is revoked by marking it, so its owners still see it and when it stopped.
-- Only the SHA-256 of the secret is kept, as before.
--
-- Additive, as a replicated table's migration must be (docs/operations.md, upgrades): V11's columns
-- stay and keep their meaning (label is the token's name; role and scope are those of its login, so
-- V11's check still holds), the new ones are nullable, so rows that a node still at V11 replicates
-- arrive whole and a V11 node can apply every row an upgraded node sends.
--
-- Conflict-free under multi-master replication: the uuid key is made by the node that takes the
-- request; a row is inserted once and only its revoked_at is ever set afterwards (a second revocation
-- on another node changes nothing: the first stands, see JdbcApiTokens.revoke). Use is written per
-- node in api_token_use, a row each node owns (node_id in the key), like registrations; the last use
-- is the latest of them, read with the token.

ALTER TABLE api_token
    ADD COLUMN account_id uuid REFERENCES portal_account (id) ON DELETE CASCADE,
    ADD COLUMN prefix     text,
    ADD COLUMN expires_at timestamptz,
    ADD COLUMN revoked_at timestamptz;

-- V11's tokens keep working: their text (tdm_<id>_<secret>) is read as prefix = the id's first 12 hex
-- digits, hash = SHA-256 of the secret part (ApiTokenSecret.parse). Each goes to the earliest admin
-- login of its scope. Operator tokens are revoked (the operator has none now: its reach is too wide
-- for a secret kept in a script) but kept, under the earliest operator login; revoked as of their
-- creation, so every node that runs this sets the same time.
UPDATE api_token t
SET prefix = substr(replace(t.id::text, '-', ''), 1, 12),
    account_id = (SELECT a.id FROM portal_account a
                  WHERE a.role = t.role
                    AND a.reseller_id IS NOT DISTINCT FROM t.reseller_id
                    AND a.tenant_id IS NOT DISTINCT FROM t.tenant_id
                  ORDER BY a.created_at, a.id
                  LIMIT 1),
    revoked_at = CASE WHEN t.role = 'OPERATOR' THEN t.created_at END;
-- A scope with no admin login left: nobody could see, use through a login's rights, or revoke it.
DELETE FROM api_token WHERE account_id IS NULL;

ALTER TABLE api_token
    ADD CONSTRAINT api_token_prefix_unique UNIQUE (prefix),
    ADD CONSTRAINT api_token_prefix_format CHECK (prefix ~ '^[a-z0-9]{12}$'),
    ADD CONSTRAINT api_token_expires_after_creation CHECK (expires_at IS NULL OR expires_at > created_at);
CREATE INDEX api_token_account_idx ON api_token (account_id);

CREATE TABLE api_token_use (
    token_id     uuid NOT NULL REFERENCES api_token (id) ON DELETE CASCADE,
    node_id      uuid NOT NULL REFERENCES node (id),
    last_used_at timestamptz NOT NULL,
    PRIMARY KEY (token_id, node_id)
);
