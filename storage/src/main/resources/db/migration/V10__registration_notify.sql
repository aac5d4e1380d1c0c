-- Live views (the portal's registrations, the API's later) learn of binding changes from the
-- database, the cluster's shared truth: every change to a tenant's bindings, on whichever node it
-- was written, ends in a NOTIFY on channel registration_changed whose payload is the tenant's id.
-- Each node's listener (storage.notification) tells its own browsers; nothing polls.
--
-- Row-level on purpose: the logical-replication apply worker fires row triggers, never statement
-- triggers, and ENABLE ALWAYS makes it fire them for rows replicated from other nodes too
-- (session_replication_role = replica skips ordinary triggers). A transaction that changes many
-- rows of one tenant sends one notification: PostgreSQL folds identical payloads of a transaction.

CREATE FUNCTION notify_registration_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('registration_changed', COALESCE(NEW.tenant_id, OLD.tenant_id)::text);
    RETURN NULL;
END $$;

CREATE TRIGGER registration_changed
    AFTER INSERT OR UPDATE OR DELETE ON registration
    FOR EACH ROW EXECUTE FUNCTION notify_registration_changed();

ALTER TABLE registration ENABLE ALWAYS TRIGGER registration_changed;
