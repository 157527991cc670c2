-- Onboarding at a glance: weekly digests, and round results added up for the dashboard
-- (docs/design.md, "Weekly digest" and "Dashboard").

-- When each channel's weekly digest goes out. A channel with a quiz and no row here has
-- the default (Friday, at the quiz's time, on); next_fire_ms NULL means "work it out at
-- the next tick" (new settings, or the quiz's time changed).
CREATE TABLE digest_schedules (
  channel_key  INTEGER PRIMARY KEY REFERENCES channels (id),
  day          INTEGER NOT NULL CHECK (day BETWEEN 1 AND 7),
  time_of_day  TEXT,
  enabled      INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  next_fire_ms INTEGER
);
CREATE INDEX digest_schedules_due ON digest_schedules (next_fire_ms);

-- One digest per channel and week: the unique key is what makes a week post at most once,
-- however often the bot restarts. status: claimed -> posted, or missed (its window passed
-- before it could be posted). lease_ms as in rounds: who has the post in flight, until when.
CREATE TABLE digests (
  id            INTEGER PRIMARY KEY,
  channel_key   INTEGER NOT NULL REFERENCES channels (id),
  week_key      TEXT    NOT NULL,
  slot_ms       INTEGER NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('claimed', 'posted', 'missed')),
  message_id    TEXT,
  claimed_ms    INTEGER NOT NULL,
  closes_ms     INTEGER NOT NULL,
  posted_ms     INTEGER,
  post_attempts INTEGER NOT NULL DEFAULT 0,
  lease_ms      INTEGER NOT NULL DEFAULT 0,
  UNIQUE (channel_key, week_key)
);
CREATE INDEX digests_pending ON digests (slot_ms) WHERE status = 'claimed';

-- Each closed round's answers added up once, at its close: the dashboard's hardest
-- questions and the digest's read these (a few rows per round) instead of counting a
-- channel's answers, which would be a million rows to read for a busy channel.
CREATE TABLE round_tallies (
  round_id    INTEGER PRIMARY KEY REFERENCES rounds (id),
  channel_key INTEGER NOT NULL REFERENCES channels (id),
  entry_id    TEXT    NOT NULL,
  slot_ms     INTEGER NOT NULL,
  answered    INTEGER NOT NULL,
  correct     INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX round_tallies_by_channel ON round_tallies (channel_key, slot_ms);
INSERT INTO round_tallies (round_id, channel_key, entry_id, slot_ms, answered, correct)
  SELECT r.id, r.channel_key, r.entry_id, r.slot_ms, count(a.id), coalesce(sum(a.correct), 0)
  FROM rounds r LEFT JOIN answers a ON a.round_id = r.id WHERE r.status = 'closed' GROUP BY r.id;

-- The dashboard's bank gaps, per channel: unanswered lookups of one channel, recent first.
CREATE INDEX lookups_gaps_by_channel ON lookups (platform, workspace_id, channel_id, at_ms) WHERE answered = 0;

-- Each person's latest attempt per question (the dashboard's cohort, its CSV, person
-- pages) read from the index alone: with `correct` in it, a cohort of 50 people with a
-- thousand attempts each never touches the table (measured: about 3x faster).
CREATE INDEX attempts_latest ON attempts (user_key, entry_id, at_ms, correct);
