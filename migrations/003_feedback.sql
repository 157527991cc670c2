-- "Helpful? yes / no" votes under lookup answers: unhelpful answers are gaps too.
CREATE TABLE lookup_votes (
  lookup_id INTEGER NOT NULL REFERENCES lookups (id),
  user_id   TEXT    NOT NULL,
  helpful   INTEGER NOT NULL CHECK (helpful IN (0, 1)),
  at_ms     INTEGER NOT NULL,
  PRIMARY KEY (lookup_id, user_id)
);
