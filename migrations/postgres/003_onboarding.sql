-- Weekly digests and round tallies (see migrations/006_onboarding.sql for why each table
-- and index is shaped as it is).

CREATE TABLE digest_schedules (
  channel_key  BIGINT  PRIMARY KEY REFERENCES channels (id),
  day          INTEGER NOT NULL CHECK (day BETWEEN 1 AND 7),
  time_of_day  TEXT,
  enabled      BOOLEAN NOT NULL,
  next_fire_ms BIGINT
);
CREATE INDEX digest_schedules_due ON digest_schedules (next_fire_ms);

CREATE TABLE digests (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel_key   BIGINT  NOT NULL REFERENCES channels (id),
  week_key      TEXT    NOT NULL,
  slot_ms       BIGINT  NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('claimed', 'posted', 'missed')),
  message_id    TEXT,
  claimed_ms    BIGINT  NOT NULL,
  closes_ms     BIGINT  NOT NULL,
  posted_ms     BIGINT,
  post_attempts INTEGER NOT NULL DEFAULT 0,
  lease_ms      BIGINT  NOT NULL DEFAULT 0,
  UNIQUE (channel_key, week_key)
);
CREATE INDEX digests_pending ON digests (slot_ms) WHERE status = 'claimed';

CREATE TABLE round_tallies (
  round_id    BIGINT  PRIMARY KEY REFERENCES rounds (id),
  channel_key BIGINT  NOT NULL REFERENCES channels (id),
  entry_id    TEXT    NOT NULL,
  slot_ms     BIGINT  NOT NULL,
  answered    INTEGER NOT NULL,
  correct     INTEGER NOT NULL
);
CREATE INDEX round_tallies_by_channel ON round_tallies (channel_key, slot_ms);
INSERT INTO round_tallies (round_id, channel_key, entry_id, slot_ms, answered, correct)
  SELECT r.id, r.channel_key, r.entry_id, r.slot_ms, count(a.id), count(a.id) FILTER (WHERE a.correct)
  FROM rounds r LEFT JOIN answers a ON a.round_id = r.id WHERE r.status = 'closed' GROUP BY r.id;

CREATE INDEX lookups_gaps_by_channel ON lookups (platform, workspace_id, channel_id, at_ms) WHERE NOT answered;

-- Latest attempt per person and question from the index alone (see the SQLite twin).
CREATE INDEX attempts_latest ON attempts (user_key, entry_id, at_ms DESC, id DESC) INCLUDE (correct);
