-- A lookup's reference: its reply's vote buttons carry it, and it exists before the
-- lookup is logged (the log is written after the reply has gone). Lookups logged before
-- this migration are referred to by their id, as their buttons already are.
ALTER TABLE lookups ADD COLUMN ref TEXT;
UPDATE lookups SET ref = CAST(id AS TEXT);
CREATE UNIQUE INDEX lookups_by_ref ON lookups (ref);
