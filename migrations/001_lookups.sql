-- Every lookup, answered or not, so misses can be reported as gaps in the bank.
CREATE TABLE lookups (
  id           INTEGER PRIMARY KEY,
  platform     TEXT    NOT NULL,
  workspace_id TEXT    NOT NULL,
  channel_id   TEXT    NOT NULL,
  user_id      TEXT    NOT NULL,
  query        TEXT    NOT NULL,
  top_entry_id TEXT,
  answered     INTEGER NOT NULL CHECK (answered IN (0, 1)),
  confidence   REAL    NOT NULL,
  at_ms        INTEGER NOT NULL
);

CREATE INDEX lookups_by_time ON lookups (at_ms);
CREATE INDEX lookups_unanswered ON lookups (answered, query);
