-- People and the channel identities that reach them (one person may write from several).
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  lang TEXT NOT NULL DEFAULT 'id' CHECK (lang IN ('id', 'en')),
  phone TEXT,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE identities (
  channel TEXT NOT NULL,
  external_id TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (channel, external_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX identities_person ON identities(person_id);

-- The conversation state machine, one JSON document per person, and the platform message ids
-- recently handled for that person (a JSON array), so a redelivered message is answered once.
-- Keeping them in the same row means handling a message writes one row, not two.
CREATE TABLE sessions (
  person_id INTEGER PRIMARY KEY REFERENCES people(id),
  state TEXT NOT NULL,
  seen_ids TEXT NOT NULL DEFAULT '[]',
  updated_at INTEGER NOT NULL
) STRICT;

-- Proof of consent (UU 27/2022): which text version, when, and when withdrawn.
CREATE TABLE consents (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  version TEXT NOT NULL,
  given_at INTEGER NOT NULL,
  withdrawn_at INTEGER
) STRICT;
CREATE INDEX consents_person ON consents(person_id);

CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  applicant_id INTEGER NOT NULL REFERENCES people(id),
  submitter_id INTEGER NOT NULL REFERENCES people(id),
  channel TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitted', 'needs_correction', 'approved', 'registered', 'rejected', 'deleted')),
  -- Personal data; NULL once deleted at the person's request.
  nik TEXT,
  full_name TEXT,
  data TEXT,
  kecamatan TEXT,
  desa TEXT,
  group_id TEXT,
  officer_note TEXT,
  kpj TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
-- One open or approved registration per NIK, enforced by the database too.
CREATE UNIQUE INDEX registrations_open_nik ON registrations(nik)
  WHERE status IN ('submitted', 'needs_correction', 'approved', 'registered');
CREATE INDEX registrations_applicant ON registrations(applicant_id, created_at);
CREATE INDEX registrations_submitter ON registrations(submitter_id, created_at);
CREATE INDEX registrations_queue ON registrations(status, created_at);
CREATE INDEX registrations_group ON registrations(group_id, status);

-- Append-only history: who did what to a registration, and when. Never holds a NIK.
CREATE TABLE registration_events (
  id INTEGER PRIMARY KEY,
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  at INTEGER NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('applicant', 'cadre', 'officer', 'system')),
  actor_id TEXT,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  detail TEXT
) STRICT;
CREATE INDEX registration_events_registration ON registration_events(registration_id, at);
CREATE TRIGGER registration_events_no_update BEFORE UPDATE ON registration_events
BEGIN SELECT RAISE(ABORT, 'registration_events is append-only'); END;
CREATE TRIGGER registration_events_no_delete BEFORE DELETE ON registration_events
BEGIN SELECT RAISE(ABORT, 'registration_events is append-only'); END;

-- Replies waiting to be sent, written in the same transaction as the state that produced them.
-- A queue: a row is deleted once sent, so it stays small and needs no index (one page per message).
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  channel TEXT NOT NULL,
  external_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'reply',
  created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
) STRICT;
