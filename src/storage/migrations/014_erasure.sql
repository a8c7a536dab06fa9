-- A withdrawal of consent after approval: the registration stays (BPJS may already cover the
-- person) but is marked, so an officer acts on it before anything else is done with it.
ALTER TABLE registrations ADD COLUMN consent_withdrawn_at INTEGER;

-- The history stays append-only, except that an erasure blanks an event's details (notes, fields).
DROP TRIGGER registration_events_no_update;
CREATE TRIGGER registration_events_no_update BEFORE UPDATE ON registration_events
WHEN NOT (NEW.detail IS NULL AND NEW.id = OLD.id AND NEW.registration_id = OLD.registration_id AND NEW.at = OLD.at
          AND NEW.actor_kind IS OLD.actor_kind AND NEW.actor_id IS OLD.actor_id AND NEW.action = OLD.action
          AND NEW.from_status IS OLD.from_status AND NEW.to_status IS OLD.to_status)
BEGIN SELECT RAISE(ABORT, 'registration_events is append-only (an erasure may only blank a detail)'); END;
