-- Which banks a channel quizzes from and looks up first (docs/design.md, "Curriculum").
-- No rows for a channel means every loaded bank, the default. Slugs, not versions: a bank
-- keeps its slug across edits, and a slug whose bank is not loaded is skipped.
CREATE TABLE channel_banks (
  channel_key INTEGER NOT NULL REFERENCES channels (id),
  slug        TEXT    NOT NULL,
  position    INTEGER NOT NULL,
  updated_by  TEXT    NOT NULL,
  updated_ms  INTEGER NOT NULL,
  PRIMARY KEY (channel_key, slug)
);

-- A private practice question asked for from one bank (`quiz <slug>`) remembers it, so
-- "Another question" stays in that bank; null for the channel's banks.
ALTER TABLE practice ADD COLUMN bank_slug TEXT;
