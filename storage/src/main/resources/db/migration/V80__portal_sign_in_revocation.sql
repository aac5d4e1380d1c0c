-- A portal login removed, or given a new password, must end the browser sessions signed in with it,
-- on every node: each node's portal listens on channel portal_login_revoked (payload: the login's id)
-- and closes its own sessions of that login. ENABLE ALWAYS, as V10, so that the apply worker fires it
-- for a removal or a password change replicated from another node, with a pinned search_path.
CREATE FUNCTION notify_portal_login_revoked() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pg_notify('portal_login_revoked', OLD.id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER portal_login_removed
    AFTER DELETE ON portal_account
    FOR EACH ROW EXECUTE FUNCTION notify_portal_login_revoked();
CREATE TRIGGER portal_login_password_changed
    AFTER UPDATE OF password_hash ON portal_account
    FOR EACH ROW WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash)
    EXECUTE FUNCTION notify_portal_login_revoked();

ALTER TABLE portal_account ENABLE ALWAYS TRIGGER portal_login_removed;
ALTER TABLE portal_account ENABLE ALWAYS TRIGGER portal_login_password_changed;
