-- The history stays append-only, except for its details: an erasure blanks them (014) and the key
-- rotation and the upgrade re-encrypt them (details hold officers' notes, sealed since 016).
DROP TRIGGER registration_events_no_update;
CREATE TRIGGER registration_events_no_update BEFORE UPDATE ON registration_events
WHEN NOT (NEW.id = OLD.id AND NEW.registration_id = OLD.registration_id AND NEW.at = OLD.at
          AND NEW.actor_kind IS OLD.actor_kind AND NEW.actor_id IS OLD.actor_id AND NEW.action = OLD.action
          AND NEW.from_status IS OLD.from_status AND NEW.to_status IS OLD.to_status)
BEGIN SELECT RAISE(ABORT, 'registration_events is append-only (only a detail may be blanked or re-encrypted)'); END;
