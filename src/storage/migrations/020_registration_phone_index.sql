-- An officer finds a registration by the phone number a person gives at the office or on the
-- phone: exact search through a keyed blind index of the number (E.164), like the NIK's. '' for a
-- registration without a phone. Rows of an older version get it at the next start
-- (storage/at-rest.ts, indexRegistrations).
ALTER TABLE registrations ADD COLUMN phone_index TEXT;
CREATE INDEX registrations_phone_index ON registrations(phone_index);
