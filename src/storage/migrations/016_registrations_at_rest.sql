-- Registrations' personal values encrypted at rest (UU 27/2022): `data` (the whole form: NIK,
-- birth date, address, phone, heir, mother's maiden name, income) and `officer_note` hold sealed
-- values (storage/crypto.ts); the NIK is found, and kept unique, through a keyed blind index.
-- What the queue lists without decrypting each row is kept beside it: the masked NIK and the
-- automatic checks (codes only).
ALTER TABLE registrations ADD COLUMN nik_index TEXT;
ALTER TABLE registrations ADD COLUMN nik_masked TEXT;
ALTER TABLE registrations ADD COLUMN checks TEXT;

-- The old clear `nik` column is no longer written: at the first start after this migration the
-- app fills the new columns from each row and empties it (storage/at-rest.ts, indexRegistrations).
DROP INDEX registrations_open_nik;
CREATE UNIQUE INDEX registrations_open_nik ON registrations(nik_index)
  WHERE status IN ('submitted', 'needs_correction', 'approved', 'registered');
-- Earlier registrations with the same NIK, whatever their status (a hint for the officer).
CREATE INDEX registrations_nik_index ON registrations(nik_index);
