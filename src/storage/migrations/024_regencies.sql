-- Many regencies in one deployment (issue 16). Each regency is keyed by its official code
-- (idn-area-data, e.g. '63.03'; a regency without one by its short name): every registration,
-- invite, cadre and question belongs to one. Rows written before are given the deployment's first
-- regency at the next start (storage/regencies.ts adopt), so '' never lasts past a start.

-- The regencies a deployment serves or served: their names stay known for old rows and exports
-- after a settings file is taken away.
CREATE TABLE regencies (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  settings_path TEXT,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL
) STRICT;

ALTER TABLE registrations ADD COLUMN regency TEXT NOT NULL DEFAULT '';
ALTER TABLE cadre_invites ADD COLUMN regency TEXT NOT NULL DEFAULT '';
ALTER TABLE cadres ADD COLUMN regency TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN regency TEXT NOT NULL DEFAULT '';
-- The regency an officer's action concerned (the registration's, or the officer's own).
ALTER TABLE audit_log ADD COLUMN regency TEXT;

-- An officer works on one regency (NULL: every regency the deployment serves), optionally on some
-- of its groups only (an agency's: JSON array of group ids; NULL: all), and may be read-only
-- (a province's or BPJS branch's view: dashboards, queue, exports; no decisions).
ALTER TABLE officers ADD COLUMN regency TEXT;
ALTER TABLE officers ADD COLUMN group_scope TEXT;
ALTER TABLE officers ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;

CREATE INDEX registrations_regency_queue ON registrations(regency, status, created_at);
CREATE INDEX questions_regency ON questions(regency, answered_at, created_at);
