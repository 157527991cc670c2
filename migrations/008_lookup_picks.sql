-- People showing which entry answers a lookup: an entry opened from a lookup's reply (its
-- closest topics, its related entries, or the entries offered after "Not helpful"). With
-- the votes, these are the evidence lookup learns from (docs/design.md, "Lookup").
-- A pick names its lookup by the reference the reply's buttons carry, not by the lookup's
-- id: the click can come before the lookup is logged (the log is written after the reply)
-- or reach another replica; picks are joined to lookups when evidence is read.
CREATE TABLE lookup_picks (
  lookup_ref TEXT    NOT NULL,
  user_id    TEXT    NOT NULL,
  entry_id   TEXT    NOT NULL,
  at_ms      INTEGER NOT NULL,
  -- one pick per person, lookup and entry: clicking the same button again adds nothing
  PRIMARY KEY (lookup_ref, user_id, entry_id)
) WITHOUT ROWID;

-- Evidence is read by age (every replica refreshes it about twice a minute).
CREATE INDEX lookup_picks_by_time ON lookup_picks (at_ms);
CREATE INDEX lookup_votes_by_time ON lookup_votes (at_ms);
