-- A tenant user (a company's employee, not its admin) signs in to see their own phone: the
-- registrations and call history of one extension of their tenant. The link is the extension's
-- id, of the account's own tenant (the composite key makes another tenant's extension impossible,
-- whatever code writes), only for tenant users, and dropped with the extension (the login stays,
-- seeing nothing until it is linked again). Written like the rest of the login, on the tenant's
-- home node. Nullable: additive, so nodes still on the previous release keep replicating.
ALTER TABLE extension ADD CONSTRAINT extension_id_tenant_unique UNIQUE (id, tenant_id);

ALTER TABLE portal_account ADD COLUMN extension_id uuid;
ALTER TABLE portal_account ADD CONSTRAINT portal_account_extension_of_own_tenant
    FOREIGN KEY (extension_id, tenant_id) REFERENCES extension (id, tenant_id) ON DELETE SET NULL (extension_id);
ALTER TABLE portal_account ADD CONSTRAINT portal_account_extension_only_for_tenant_users
    CHECK (extension_id IS NULL OR role = 'TENANT_USER');
CREATE INDEX portal_account_by_extension ON portal_account (extension_id) WHERE extension_id IS NOT NULL;
