-- Which banks a channel quizzes from and looks up first (see migrations/007_channel_banks.sql).
CREATE TABLE channel_banks (
  channel_key BIGINT NOT NULL REFERENCES channels (id),
  slug        TEXT   NOT NULL,
  position    INTEGER NOT NULL,
  updated_by  TEXT   NOT NULL,
  updated_ms  BIGINT NOT NULL,
  PRIMARY KEY (channel_key, slug)
);

-- The bank a practice question was asked for (see migrations/007_channel_banks.sql).
ALTER TABLE practice ADD COLUMN bank_slug TEXT;
