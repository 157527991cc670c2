-- A lookup's reference (see migrations/005_lookup_refs.sql).
ALTER TABLE lookups ADD COLUMN ref TEXT;
UPDATE lookups SET ref = id::text;
CREATE UNIQUE INDEX lookups_by_ref ON lookups (ref);
