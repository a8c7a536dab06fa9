-- WhatsApp messages we sent, kept a day: a phone that could not decrypt one asks for it again
-- (Baileys' getMessage), and WhatsApp reports a failed delivery later (messages.update).
CREATE TABLE wa_sent (
  id TEXT PRIMARY KEY,
  jid TEXT NOT NULL,
  outbox_id INTEGER,
  message TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  error TEXT
) STRICT;
CREATE INDEX wa_sent_at ON wa_sent(sent_at);
