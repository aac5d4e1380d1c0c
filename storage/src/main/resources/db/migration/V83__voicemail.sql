-- Voicemail (issue #13). Three tables, each with one writer per row, so the masters never conflict:
--   * voicemail_box: an extension's mailbox, configuration like the extension itself, written only on
--     the tenant's home node (V21's trigger). Keyed by the extension's id: one mailbox per extension.
--   * voicemail_message: what a caller left, written once by the node that recorded it (node_id) and
--     never updated; deleted only when purged, by that node, or with its mailbox.
--   * voicemail_message_filed: how far each node has filed a message (saved, deleted), one row per
--     message and node, written only by that node. A message's folder is the furthest any node filed
--     it, so nodes filing one message at once converge and a deleted message never comes back.

CREATE TABLE voicemail_box (
    extension_id          uuid PRIMARY KEY REFERENCES extension (id) ON DELETE CASCADE,
    tenant_id             uuid NOT NULL REFERENCES tenant (id),
    enabled               boolean NOT NULL,
    pin_hash              text NOT NULL CONSTRAINT voicemail_box_pin_hashed CHECK (pin_hash ~ '^pbkdf2-sha256\$[0-9]{4,7}\$'),
    no_answer_seconds     integer NOT NULL CONSTRAINT voicemail_box_no_answer_range CHECK (no_answer_seconds BETWEEN 5 AND 120),
    unavailable_greeting  boolean NOT NULL,
    busy_greeting         boolean NOT NULL,
    name_greeting         boolean NOT NULL,
    email                 text CONSTRAINT voicemail_box_email_format
                          CHECK (length(email) <= 254 AND email ~ '^[^@[:space:][:cntrl:],;<>"]{1,64}@[^@[:space:][:cntrl:],;<>"]+\.[^@[:space:][:cntrl:],;<>".][^@[:space:][:cntrl:],;<>"]*$'),
    attach_audio          boolean NOT NULL,
    created_at            timestamptz NOT NULL,
    version               bigint NOT NULL DEFAULT 0,
    CONSTRAINT voicemail_box_attach_needs_email CHECK (NOT attach_audio OR email IS NOT NULL)
);
CREATE INDEX voicemail_box_tenant_idx ON voicemail_box (tenant_id);

CREATE TRIGGER voicemail_box_written_on_home_node BEFORE INSERT OR UPDATE OR DELETE ON voicemail_box
    FOR EACH ROW EXECUTE FUNCTION require_home_node_write();

-- The file's place is tenants/<tenant-id>/voicemail/<extension>/<message-id>.wav, checked here too, so
-- a row can never point outside its tenant's folder.
CREATE TABLE voicemail_message (
    id              uuid PRIMARY KEY,
    mailbox_id      uuid NOT NULL REFERENCES voicemail_box (extension_id) ON DELETE CASCADE,
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    node_id         uuid NOT NULL REFERENCES node (id),
    caller_number   text NOT NULL CONSTRAINT voicemail_message_caller_number_format CHECK (caller_number ~ '^[0-9A-Za-z+*#._-]{1,64}$'),
    caller_name     text CONSTRAINT voicemail_message_caller_name_length CHECK (length(caller_name) BETWEEN 1 AND 120),
    received_at     timestamptz NOT NULL,
    duration_millis integer NOT NULL CONSTRAINT voicemail_message_duration_range CHECK (duration_millis BETWEEN 0 AND 3600000),
    file_path       text NOT NULL,
    CONSTRAINT voicemail_message_file_path_layout CHECK (
        file_path ~ ('^tenants/' || tenant_id || '/voicemail/[0-9]{2,10}/' || id || '\.wav$'))
);
CREATE INDEX voicemail_message_mailbox_idx ON voicemail_message (mailbox_id, received_at);

CREATE TRIGGER voicemail_message_written_once BEFORE UPDATE ON voicemail_message
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_written_record();

CREATE TABLE voicemail_message_filed (
    message_id uuid NOT NULL REFERENCES voicemail_message (id) ON DELETE CASCADE,
    node_id    uuid NOT NULL REFERENCES node (id),
    mailbox_id uuid NOT NULL,
    folder     text NOT NULL CONSTRAINT voicemail_message_filed_folder_known CHECK (folder IN ('SAVED', 'DELETED')),
    filed_at   timestamptz NOT NULL,
    PRIMARY KEY (message_id, node_id)
);
CREATE INDEX voicemail_message_filed_mailbox_idx ON voicemail_message_filed (mailbox_id);

-- A node's filing only moves forward (saved to deleted), whatever code writes.
CREATE FUNCTION refuse_voicemail_unfiling() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.folder = 'DELETED' AND NEW.folder <> 'DELETED' OR NEW.message_id <> OLD.message_id OR NEW.node_id <> OLD.node_id THEN
        RAISE EXCEPTION 'a voicemail message filed % is never filed back in %', OLD.folder, NEW.folder
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER voicemail_message_filed_forward BEFORE UPDATE ON voicemail_message_filed
    FOR EACH ROW EXECUTE FUNCTION refuse_voicemail_unfiling();

-- Message-waiting lamps on every node: each change NOTIFYs voicemail_changed with the mailbox's id,
-- also for rows replicated from other nodes (ENABLE ALWAYS, pinned search_path, as V60).
CREATE FUNCTION notify_voicemail_changed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM pg_notify('voicemail_changed', COALESCE(NEW.mailbox_id, OLD.mailbox_id)::text);
    RETURN NULL;
END $$;

CREATE TRIGGER voicemail_message_changed AFTER INSERT OR DELETE ON voicemail_message
    FOR EACH ROW EXECUTE FUNCTION notify_voicemail_changed();
CREATE TRIGGER voicemail_message_filed_changed AFTER INSERT OR UPDATE OR DELETE ON voicemail_message_filed
    FOR EACH ROW EXECUTE FUNCTION notify_voicemail_changed();
ALTER TABLE voicemail_message ENABLE ALWAYS TRIGGER voicemail_message_changed;
ALTER TABLE voicemail_message_filed ENABLE ALWAYS TRIGGER voicemail_message_filed_changed;
