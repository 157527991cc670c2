-- Quiz: channels, people, schedules, rounds, answers, scores, progress and reviews.

CREATE TABLE channels (
  id           INTEGER PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  channel_id   TEXT NOT NULL,
  UNIQUE (platform, workspace_id, channel_id)
);

CREATE TABLE users (
  id           INTEGER PRIMARY KEY,
  platform     TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  display_name TEXT NOT NULL,
  UNIQUE (platform, workspace_id, user_id)
);

-- One schedule per channel; next_fire_ms is the slot the tick opens next.
CREATE TABLE schedules (
  channel_key  INTEGER PRIMARY KEY REFERENCES channels (id),
  time_of_day  TEXT    NOT NULL,
  zone         TEXT    NOT NULL,
  days         TEXT    NOT NULL,
  cron         TEXT    NOT NULL,
  next_fire_ms INTEGER NOT NULL,
  updated_by   TEXT    NOT NULL,
  updated_ms   INTEGER NOT NULL
);
CREATE INDEX schedules_due ON schedules (next_fire_ms);

-- A round per channel and slot: the unique key is what makes a slot post at most once.
-- status: claimed (slot taken, not yet posted) -> open (posted) -> closed (revealed);
-- or missed (its window passed before it could be posted).
CREATE TABLE rounds (
  id            INTEGER PRIMARY KEY,
  channel_key   INTEGER NOT NULL REFERENCES channels (id),
  slot_ms       INTEGER NOT NULL,
  kind          TEXT    NOT NULL CHECK (kind IN ('scheduled', 'manual')),
  entry_id      TEXT    NOT NULL,
  item_id       TEXT,
  mode          TEXT    NOT NULL CHECK (mode IN ('choice', 'recall')),
  choices       TEXT    NOT NULL,
  correct_index INTEGER,
  status        TEXT    NOT NULL CHECK (status IN ('claimed', 'open', 'closed', 'missed')),
  message_id    TEXT,
  claimed_ms    INTEGER NOT NULL,
  opened_ms     INTEGER,
  closes_ms     INTEGER NOT NULL,
  closed_ms     INTEGER,
  post_attempts INTEGER NOT NULL DEFAULT 0,
  -- set once the reveal has been shown; a closed round not yet revealed is retried each tick
  revealed      INTEGER NOT NULL DEFAULT 0,
  -- until when one process has the round's pending platform call (the post of a claimed
  -- round, the reveal of a closed one) in flight; nobody else retries it before then
  lease_ms      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (channel_key, slot_ms)
);
CREATE INDEX rounds_by_channel ON rounds (channel_key, kind, slot_ms);
-- The tick's queues (rounds to close, posts and reveals to retry) as partial indexes: they
-- stay as small as the queues while closed rounds pile up by the million. An index on
-- status alone would make the planner walk every closed round each minute.
CREATE INDEX rounds_open ON rounds (closes_ms) WHERE status = 'open';
CREATE INDEX rounds_pending_post ON rounds (slot_ms) WHERE status = 'claimed';
CREATE INDEX rounds_pending_reveal ON rounds (closed_ms) WHERE status = 'closed' AND revealed = 0;

CREATE TABLE answers (
  id           INTEGER PRIMARY KEY,
  round_id     INTEGER NOT NULL REFERENCES rounds (id),
  user_key     INTEGER NOT NULL REFERENCES users (id),
  choice_index INTEGER NOT NULL,
  correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),
  points       INTEGER NOT NULL,
  answered_ms  INTEGER NOT NULL,
  UNIQUE (round_id, user_key)
);

-- Points per scope (a channel, or a whole workspace) and period (all, a week, a month),
-- kept up to date at each answer so a leaderboard reads one scope and period (a range of
-- the key: one row per person), never the answers. WITHOUT ROWID: the key is the row.
-- No ranking index: each answer would move two to six of its entries (half the pages an
-- answer writes), while sorting one scope's people for a board takes well under a
-- millisecond for thousands of them (see `npm run bench`).
CREATE TABLE scores (
  scope          TEXT    NOT NULL,
  period         TEXT    NOT NULL,
  user_key       INTEGER NOT NULL REFERENCES users (id),
  points         INTEGER NOT NULL,
  correct        INTEGER NOT NULL,
  answered       INTEGER NOT NULL,
  last_scored_ms INTEGER NOT NULL,
  PRIMARY KEY (scope, period, user_key)
) WITHOUT ROWID;

-- Consecutive scheduled rounds of a channel answered correctly, as of the round at last_slot_ms.
CREATE TABLE streaks (
  channel_key  INTEGER NOT NULL REFERENCES channels (id),
  user_key     INTEGER NOT NULL REFERENCES users (id),
  current      INTEGER NOT NULL,
  best         INTEGER NOT NULL,
  last_slot_ms INTEGER NOT NULL,
  PRIMARY KEY (channel_key, user_key)
) WITHOUT ROWID;

-- Every graded attempt at an entry (round, practice, review, self-graded recall): progress.
CREATE TABLE attempts (
  id          INTEGER PRIMARY KEY,
  user_key    INTEGER NOT NULL REFERENCES users (id),
  entry_id    TEXT    NOT NULL,
  source      TEXT    NOT NULL CHECK (source IN ('round', 'practice', 'review')),
  correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
  channel_key INTEGER REFERENCES channels (id),
  at_ms       INTEGER NOT NULL
);
CREATE INDEX attempts_by_user ON attempts (user_key, entry_id, at_ms);

-- The spaced-repetition card of each person for each entry (FSRS state as JSON). A person
-- has at most one card per entry, so "due first" sorts a few rows: no index on due_ms.
CREATE TABLE cards (
  user_key INTEGER NOT NULL REFERENCES users (id),
  entry_id TEXT    NOT NULL,
  due_ms   INTEGER NOT NULL,
  card     TEXT    NOT NULL,
  PRIMARY KEY (user_key, entry_id)
) WITHOUT ROWID;

-- Private questions (practice and review), with their shuffled choices kept server-side.
CREATE TABLE practice (
  id            INTEGER PRIMARY KEY,
  user_key      INTEGER NOT NULL REFERENCES users (id),
  kind          TEXT    NOT NULL CHECK (kind IN ('practice', 'review')),
  entry_id      TEXT    NOT NULL,
  item_id       TEXT,
  mode          TEXT    NOT NULL CHECK (mode IN ('choice', 'recall')),
  choices       TEXT    NOT NULL,
  correct_index INTEGER,
  created_ms    INTEGER NOT NULL,
  answered_ms   INTEGER
);

-- Named counters (e.g. console message ids that stay unique across restarts).
CREATE TABLE sequences (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);

-- The console adapter's messages (Slack and Discord keep their own), so that a console
-- restarted on the same database can still click the buttons of a round posted before.
CREATE TABLE console_messages (
  seq        INTEGER PRIMARY KEY,
  id         TEXT    NOT NULL UNIQUE,
  channel    TEXT    NOT NULL,
  visible_to TEXT,
  text       TEXT    NOT NULL,
  buttons    TEXT    NOT NULL
);
