-- The language a tenant's callers hear the node's prompts in (ISO 639 code), among the sound sets
-- installed on the nodes; English, every node's fallback, by default. Configuration: written on the
-- tenant's home node like the rest of the row.
ALTER TABLE tenant ADD COLUMN prompt_language text NOT NULL DEFAULT 'en'
    CONSTRAINT tenant_prompt_language_code CHECK (prompt_language ~ '^[a-z]{2,3}$');
