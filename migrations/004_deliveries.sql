-- Platform deliveries already taken on, so one that the platform repeats (a Slack retry,
-- perhaps landing on another process) runs once and is answered the same way.
CREATE TABLE deliveries (
  key      TEXT    PRIMARY KEY,
  taken_ms INTEGER NOT NULL,
  -- the first run's reply (JSON), once it has finished
  reply    TEXT
);
CREATE INDEX deliveries_by_time ON deliveries (taken_ms);

-- A lookup is logged once per delivery: a repeated slash command does not count twice.
ALTER TABLE lookups ADD COLUMN delivery_key TEXT;
CREATE UNIQUE INDEX lookups_by_delivery ON lookups (delivery_key) WHERE delivery_key IS NOT NULL;
