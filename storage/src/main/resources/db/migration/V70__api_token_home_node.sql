-- A tenant admin's API tokens are part of the tenant's configuration: written only on its home node,
-- like its extensions and logins (V21). Operator and reseller tokens have no tenant and pass.
CREATE TRIGGER api_token_written_on_home_node BEFORE INSERT OR UPDATE OR DELETE ON api_token
    FOR EACH ROW EXECUTE FUNCTION require_home_node_write();
