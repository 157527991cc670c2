-- The whole schema for PostgreSQL, equivalent to the SQLite migrations 001-004 (see
-- migrations/*.sql for why each table and index is shaped as it is). Times are epoch
-- milliseconds in BIGINT, as in SQLite, so both stores read and write the same values.

CREATE TABLE lookups (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform     TEXT    NOT NULL,
  workspace_id TEXT    NOT NULL,
  channel_id   TEXT    NOT NULL,
  user_id      TEXT    NOT NULL,
  query        TEXT    NOT NULL,
  top_entry_id TEXT,
  answered     BOOLEAN NOT NULL,
  confidence   DOUBLE PRECISION NOT NULL,
  at_ms        BIGINT  NOT NULL,
  -- a lookup is logged once per platform delivery (a repeated slash command counts once)
  delivery_key TEXT    UNIQUE
);
CREATE INDEX lookups_by_time ON lookups (at_ms);
CREATE INDEX lookups_unanswered ON lookups (lower(btrim(query)), at_ms) WHERE NOT answered;

CREATE TABLE lookup_votes (
  lookup_id BIGINT  NOT NULL REFERENCES lookups (id),
  user_id   TEXT    NOT NULL,
  helpful   BOOLEAN NOT NULL,
  at_ms     BIGINT  NOT NULL,
  PRIMARY KEY (lookup_id, user_id)
);

CREATE TABLE channels (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  UNIQUE (platform, workspace_id, channel_id)
);

CREATE TABLE users (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  display_name TEXT NOT NULL,
  UNIQUE (platform, workspace_id, user_id)
);

CREATE TABLE schedules (
  channel_key  BIGINT PRIMARY KEY REFERENCES channels (id),
  time_of_day  TEXT   NOT NULL,
  zone         TEXT   NOT NULL,
  days         TEXT   NOT NULL,
  cron         TEXT   NOT NULL,
  next_fire_ms BIGINT NOT NULL,
  updated_by   TEXT   NOT NULL,
  updated_ms   BIGINT NOT NULL
);
CREATE INDEX schedules_due ON schedules (next_fire_ms);

-- One round per channel and slot: the unique key is what makes a slot post at most once,
-- whichever replica claims it.
CREATE TABLE rounds (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel_key   BIGINT  NOT NULL REFERENCES channels (id),
  slot_ms       BIGINT  NOT NULL,
  kind          TEXT    NOT NULL CHECK (kind IN ('scheduled', 'manual')),
  entry_id      TEXT    NOT NULL,
  item_id       TEXT,
  mode          TEXT    NOT NULL CHECK (mode IN ('choice', 'recall')),
  choices       TEXT    NOT NULL,
  correct_index INTEGER,
  status        TEXT    NOT NULL CHECK (status IN ('claimed', 'open', 'closed', 'missed')),
  message_id    TEXT,
  claimed_ms    BIGINT  NOT NULL,
  opened_ms     BIGINT,
  closes_ms     BIGINT  NOT NULL,
  closed_ms     BIGINT,
  post_attempts INTEGER NOT NULL DEFAULT 0,
  revealed      BOOLEAN NOT NULL DEFAULT FALSE,
  lease_ms      BIGINT  NOT NULL DEFAULT 0,
  UNIQUE (channel_key, slot_ms)
);
CREATE INDEX rounds_by_channel ON rounds (channel_key, kind, slot_ms);
CREATE INDEX rounds_open ON rounds (closes_ms) WHERE status = 'open';
CREATE INDEX rounds_pending_post ON rounds (slot_ms) WHERE status = 'claimed';
CREATE INDEX rounds_pending_reveal ON rounds (closed_ms) WHERE status = 'closed' AND NOT revealed;

CREATE TABLE answers (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  round_id     BIGINT  NOT NULL REFERENCES rounds (id),
  user_key     BIGINT  NOT NULL REFERENCES users (id),
  choice_index INTEGER NOT NULL,
  correct      BOOLEAN NOT NULL,
  points       INTEGER NOT NULL,
  answered_ms  BIGINT  NOT NULL,
  UNIQUE (round_id, user_key)
);
CREATE INDEX answers_correct ON answers (round_id, id) WHERE correct;

-- Who answered each round correctly first: a row of its own, so that concurrent correct
-- answers race on one unique key instead of locking the round.
CREATE TABLE round_first_correct (
  round_id BIGINT PRIMARY KEY REFERENCES rounds (id),
  user_key BIGINT NOT NULL REFERENCES users (id)
);

CREATE TABLE scores (
  scope          TEXT    NOT NULL,
  period         TEXT    NOT NULL,
  user_key       BIGINT  NOT NULL REFERENCES users (id),
  points         INTEGER NOT NULL,
  correct        INTEGER NOT NULL,
  answered       INTEGER NOT NULL,
  last_scored_ms BIGINT  NOT NULL,
  PRIMARY KEY (scope, period, user_key)
);

CREATE TABLE streaks (
  channel_key  BIGINT  NOT NULL REFERENCES channels (id),
  user_key     BIGINT  NOT NULL REFERENCES users (id),
  current      INTEGER NOT NULL,
  best         INTEGER NOT NULL,
  last_slot_ms BIGINT  NOT NULL,
  PRIMARY KEY (channel_key, user_key)
);

CREATE TABLE attempts (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_key    BIGINT  NOT NULL REFERENCES users (id),
  entry_id    TEXT    NOT NULL,
  source      TEXT    NOT NULL CHECK (source IN ('round', 'practice', 'review')),
  correct     BOOLEAN NOT NULL,
  channel_key BIGINT  REFERENCES channels (id),
  at_ms       BIGINT  NOT NULL
);
CREATE INDEX attempts_by_user ON attempts (user_key, entry_id, at_ms);

CREATE TABLE cards (
  user_key BIGINT NOT NULL REFERENCES users (id),
  entry_id TEXT   NOT NULL,
  due_ms   BIGINT NOT NULL,
  card     TEXT   NOT NULL,
  PRIMARY KEY (user_key, entry_id)
);

CREATE TABLE practice (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_key      BIGINT  NOT NULL REFERENCES users (id),
  kind          TEXT    NOT NULL CHECK (kind IN ('practice', 'review')),
  entry_id      TEXT    NOT NULL,
  item_id       TEXT,
  mode          TEXT    NOT NULL CHECK (mode IN ('choice', 'recall')),
  choices       TEXT    NOT NULL,
  correct_index INTEGER,
  created_ms    BIGINT  NOT NULL,
  answered_ms   BIGINT
);

CREATE TABLE sequences (
  name  TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);

CREATE TABLE console_messages (
  seq        BIGSERIAL PRIMARY KEY,
  id         TEXT NOT NULL UNIQUE,
  channel    TEXT NOT NULL,
  visible_to TEXT,
  text       TEXT NOT NULL,
  buttons    TEXT NOT NULL
);

CREATE TABLE deliveries (
  key      TEXT   PRIMARY KEY,
  taken_ms BIGINT NOT NULL,
  reply    TEXT
);
CREATE INDEX deliveries_by_time ON deliveries (taken_ms);
