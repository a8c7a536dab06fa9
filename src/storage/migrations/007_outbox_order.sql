-- A chat's messages leave strictly in order: one waiting for a retry holds back the later ones of
-- the same chat (storage/outbox.ts due). Only rows that failed at least once can be waiting, so the
-- index holds just those: a new row (attempts = 0) costs nothing to insert.
CREATE INDEX outbox_waiting ON outbox(channel, external_id, id) WHERE attempts > 0;
