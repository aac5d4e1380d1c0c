-- Which digest algorithms a tenant's phones are challenged with, in order of preference. MD5 alone by
-- default, as Asterisk, FreeSWITCH and Kamailio do: some phones (baresip 1.0) give up on any challenge
-- list holding SHA-256, and others answer only the first challenge. A tenant whose phones speak
-- RFC 8760 picks SHA-256, alone or with MD5 as a fallback. Both HA1 hashes are stored already.
ALTER TABLE tenant ADD COLUMN sip_digest text NOT NULL DEFAULT 'MD5'
    CONSTRAINT tenant_sip_digest_known CHECK (sip_digest IN ('MD5', 'MD5,SHA-256', 'SHA-256,MD5', 'SHA-256'));

-- The engine keeps accounts in memory: a changed choice must reach it like any other tenant change.
DROP TRIGGER tenant_sip_domain_changed ON tenant;
CREATE TRIGGER tenant_sip_domain_changed
    AFTER UPDATE ON tenant
    FOR EACH ROW
    WHEN (OLD.sip_domain IS DISTINCT FROM NEW.sip_domain OR OLD.status IS DISTINCT FROM NEW.status
          OR OLD.max_extensions IS DISTINCT FROM NEW.max_extensions
          OR OLD.max_concurrent_calls IS DISTINCT FROM NEW.max_concurrent_calls
          OR OLD.max_calls_per_second IS DISTINCT FROM NEW.max_calls_per_second
          OR OLD.sip_digest IS DISTINCT FROM NEW.sip_digest)
    EXECUTE FUNCTION notify_sip_domain_changed();
ALTER TABLE tenant ENABLE ALWAYS TRIGGER tenant_sip_domain_changed;
