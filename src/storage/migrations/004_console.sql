-- Officers of the regency who review registrations in the web console.
CREATE TABLE officers (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('officer', 'admin')),
  created_at INTEGER NOT NULL,
  disabled_at INTEGER
) STRICT;

-- Server-side console sessions: only a hash of the cookie's random token is stored.
CREATE TABLE officer_sessions (
  token_hash TEXT PRIMARY KEY,
  officer_id INTEGER NOT NULL REFERENCES officers(id),
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX officer_sessions_officer ON officer_sessions(officer_id);

-- Failed logins, to slow down password guessing (per username and per address).
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL COLLATE NOCASE,
  address TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_username ON login_failures(username, at);
CREATE INDEX login_failures_address ON login_failures(address, at);

-- Who viewed or changed which registration, revealed a NIK, or exported what.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  officer_id INTEGER REFERENCES officers(id),
  action TEXT NOT NULL,
  registration_id INTEGER REFERENCES registrations(id),
  detail TEXT
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_registration ON audit_log(registration_id, at);

-- Questions people leave for an officer from the bot's menu, and the answers.
CREATE TABLE questions (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  channel TEXT NOT NULL,
  external_id TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  answer TEXT,
  answered_by INTEGER REFERENCES officers(id),
  answered_at INTEGER
) STRICT;
CREATE INDEX questions_open ON questions(answered_at, created_at);

-- A correction request names the fields the person (or cadre) must give again.
ALTER TABLE registrations ADD COLUMN correction_fields TEXT;
-- Queue filters and paging at 100,000 rows: status/area/group/cadre with the date order.
CREATE INDEX registrations_status_desa ON registrations(status, kecamatan, desa, created_at);
CREATE INDEX registrations_status_submitter ON registrations(status, submitter_id, created_at);
CREATE INDEX registrations_created ON registrations(created_at, id);
CREATE INDEX registrations_full_name ON registrations(full_name COLLATE NOCASE);
