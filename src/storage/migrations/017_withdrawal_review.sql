-- An officer's decision on a consent withdrawn after approval (flagged by migration 014): keep the
-- registration for a legal reason (when, and the reason's code; who is in the history and the
-- audit log). Erasing it instead needs no column: its status becomes 'deleted'. Until one or the
-- other, the console refuses decisions and the KPJ on it and leaves it out of exports.
ALTER TABLE registrations ADD COLUMN withdrawal_reviewed_at INTEGER;
ALTER TABLE registrations ADD COLUMN withdrawal_kept_reason TEXT;

-- The withdrawals still waiting for an officer (few): the queue page lists them.
CREATE INDEX registrations_withdrawal_pending ON registrations(consent_withdrawn_at)
  WHERE consent_withdrawn_at IS NOT NULL AND withdrawal_reviewed_at IS NULL;
