-- A later release's additive migration, for RollingUpgradeTest: a nullable column on a replicated
-- table and a new table, applied to one node of the cluster before the others.
ALTER TABLE call_record ADD COLUMN note text;

CREATE TABLE call_tag (
    id             uuid PRIMARY KEY,
    call_record_id uuid NOT NULL REFERENCES call_record (id),
    tag            text NOT NULL
);
