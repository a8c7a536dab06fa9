-- A rejection's reason as its code (domain/reject-reasons.ts), beside the officer's own note: the
-- person is told the reason in their language with what to do, the console and the export name it
-- in words. Not personal data (one of a few fixed codes), so not sealed. Earlier rejections carry
-- the reason's Indonesian label at the start of their note and no code.
ALTER TABLE registrations ADD COLUMN reject_reason TEXT;

-- Officers find a registration by its BPJS membership number (KPJ) in the queue's search.
CREATE INDEX registrations_kpj ON registrations(kpj) WHERE kpj IS NOT NULL;
