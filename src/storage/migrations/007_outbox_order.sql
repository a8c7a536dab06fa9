-- A chat's messages leave strictly in order: one waiting for a retry holds back the later ones of
-- the same chat (storage/outbox.ts due). This index answers "an earlier one still waiting?".
CREATE INDEX outbox_chat ON outbox(channel, external_id, id);
