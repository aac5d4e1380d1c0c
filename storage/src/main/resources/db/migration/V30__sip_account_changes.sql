-- Every node's SIP engine keeps the SIP accounts it serves in memory (engine.accounts). It learns
-- that one changed from the database: a changed password or contact limit, an extension added or
-- removed, a tenant suspended, resumed, re-planned or renamed ends in a NOTIFY on channel
-- sip_account_changed, and the engine drops what it names (storage.notification).
-- Payloads: 'account <sip domain> <extension number>' or 'domain <sip domain>'.
--
-- Row-level and ENABLE ALWAYS: the logical-replication apply worker fires row triggers only, and
-- only ALWAYS triggers (it runs with session_replication_role = replica), so a change made on
-- another node reaches this node's engine as well (#5). The functions pin their search_path
-- because the apply worker runs with an empty one. Updates notify only when something the engine
-- uses changed (JPA writes every column on every update).

CREATE FUNCTION notify_sip_account_changed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_notify('sip_account_changed', 'account ' || t.sip_domain || ' ' || OLD.number)
            FROM tenant t WHERE t.id = OLD.tenant_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_notify('sip_account_changed', 'account ' || t.sip_domain || ' ' || NEW.number)
            FROM tenant t WHERE t.id = NEW.tenant_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER extension_sip_account_added_or_removed
    AFTER INSERT OR DELETE ON extension
    FOR EACH ROW EXECUTE FUNCTION notify_sip_account_changed();
CREATE TRIGGER extension_sip_account_changed
    AFTER UPDATE ON extension
    FOR EACH ROW
    WHEN (OLD.number IS DISTINCT FROM NEW.number OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id
          OR OLD.ha1_md5 IS DISTINCT FROM NEW.ha1_md5 OR OLD.ha1_sha256 IS DISTINCT FROM NEW.ha1_sha256
          OR OLD.max_contacts IS DISTINCT FROM NEW.max_contacts)
    EXECUTE FUNCTION notify_sip_account_changed();
ALTER TABLE extension ENABLE ALWAYS TRIGGER extension_sip_account_added_or_removed;
ALTER TABLE extension ENABLE ALWAYS TRIGGER extension_sip_account_changed;

CREATE FUNCTION notify_sip_domain_changed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM pg_notify('sip_account_changed', 'domain ' || OLD.sip_domain);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.sip_domain IS DISTINCT FROM OLD.sip_domain) THEN
        PERFORM pg_notify('sip_account_changed', 'domain ' || NEW.sip_domain);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tenant_sip_domain_added_or_removed
    AFTER INSERT OR DELETE ON tenant
    FOR EACH ROW EXECUTE FUNCTION notify_sip_domain_changed();
CREATE TRIGGER tenant_sip_domain_changed
    AFTER UPDATE ON tenant
    FOR EACH ROW
    WHEN (OLD.sip_domain IS DISTINCT FROM NEW.sip_domain OR OLD.status IS DISTINCT FROM NEW.status
          OR OLD.max_extensions IS DISTINCT FROM NEW.max_extensions
          OR OLD.max_concurrent_calls IS DISTINCT FROM NEW.max_concurrent_calls
          OR OLD.max_calls_per_second IS DISTINCT FROM NEW.max_calls_per_second)
    EXECUTE FUNCTION notify_sip_domain_changed();
ALTER TABLE tenant ENABLE ALWAYS TRIGGER tenant_sip_domain_added_or_removed;
ALTER TABLE tenant ENABLE ALWAYS TRIGGER tenant_sip_domain_changed;
