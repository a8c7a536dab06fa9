-- Console security (OWASP ASVS level 2): a second factor for officers, one-time recovery codes,
-- the permission to export full NIKs, sessions waiting for their second factor, and which
-- registrations each export held.

-- TOTP (RFC 6238): the shared secret (sealed with the field cipher by the console, never in clear),
-- when it was enrolled, and the last time step accepted (a code is never accepted twice).
ALTER TABLE officers ADD COLUMN totp_secret TEXT;
ALTER TABLE officers ADD COLUMN totp_enrolled_at INTEGER;
ALTER TABLE officers ADD COLUMN totp_last_step INTEGER;
-- May export registrations with the full NIK and phone number (granted by an admin, audited).
ALTER TABLE officers ADD COLUMN export_nik INTEGER NOT NULL DEFAULT 0 CHECK (export_nik IN (0, 1));

-- One-time recovery codes for a lost authenticator: only a salted SHA-256 of each is kept.
CREATE TABLE officer_recovery_codes (
  id INTEGER PRIMARY KEY,
  officer_id INTEGER NOT NULL REFERENCES officers(id),
  salt TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  used_at INTEGER
) STRICT;
CREATE INDEX officer_recovery_codes_officer ON officer_recovery_codes(officer_id);

-- 'second_factor': the password was right, the code is still to come (such a session opens no
-- page but the code page). The secret being enrolled in a session waits here (sealed) until confirmed.
ALTER TABLE officer_sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'full' CHECK (stage IN ('full', 'second_factor'));
ALTER TABLE officer_sessions ADD COLUMN pending_totp_secret TEXT;

-- The registrations each export held (its audit entry says who, when, the filter and the format).
CREATE TABLE audit_export_rows (
  audit_id INTEGER NOT NULL REFERENCES audit_log(id),
  registration_id INTEGER NOT NULL REFERENCES registrations(id),
  PRIMARY KEY (audit_id, registration_id)
) STRICT, WITHOUT ROWID;
