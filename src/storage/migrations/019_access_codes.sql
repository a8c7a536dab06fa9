-- The right of access (UU 27/2022): a cadre may pass a neighbour the copy of their data only with
-- the neighbour's phone confirming it. A one-time code goes to the phone on record; only a salted
-- scrypt hash of it is kept, with when it expires, how many tries are left and when it was used.
-- No personal data here: who asked (a person id) for which registration, and when.
CREATE TABLE access_codes (
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  requester_id INTEGER NOT NULL,
  salt TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  tries_left INTEGER NOT NULL,
  used_at INTEGER
) STRICT;
CREATE INDEX access_codes_request ON access_codes(registration_id, requester_id, created_at);
