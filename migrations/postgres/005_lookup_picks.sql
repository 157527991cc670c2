-- People's picks after lookups (see migrations/008_lookup_picks.sql for why the table is
-- shaped as it is): keyed by the lookup's reference, joined to lookups when read.
CREATE TABLE lookup_picks (
  lookup_ref TEXT   NOT NULL,
  user_id    TEXT   NOT NULL,
  entry_id   TEXT   NOT NULL,
  at_ms      BIGINT NOT NULL,
  PRIMARY KEY (lookup_ref, user_id, entry_id)
);

CREATE INDEX lookup_picks_by_time ON lookup_picks (at_ms);
CREATE INDEX lookup_votes_by_time ON lookup_votes (at_ms);
