-- Chat addresses at rest (issue 13): a WhatsApp address is a phone number
-- (6281234567890@s.whatsapp.net), so no table keeps one in clear (Telegram chat ids are treated the
-- same way). Where an address is looked up, kept unique or keeps a chat's messages in order, a keyed
-- blind index of (channel, address) stands in for it (storage/addresses.ts); where it must be read
-- back (where to send, where an answer goes) it is sealed (storage/crypto.ts).
-- Rows an older version wrote are converted at the first start (storage/addresses.ts,
-- indexAddresses): until then an old row's key is 'clear:' followed by its address (identities,
-- WhatsApp login keys), or NULL (outbox, inbox, wa_sent), and its address is still in clear.

-- A person is found by (channel, external_key); the address is kept sealed, to write to them.
CREATE TABLE identities_new (
  channel TEXT NOT NULL,
  external_key TEXT NOT NULL,
  address TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (channel, external_key)
) STRICT, WITHOUT ROWID;
INSERT INTO identities_new (channel, external_key, address, person_id, created_at)
  SELECT channel, 'clear:' || external_id, external_id, person_id, created_at FROM identities;
DROP TABLE identities;
ALTER TABLE identities_new RENAME TO identities;
CREATE INDEX identities_person ON identities(person_id);

-- A chat's messages keep their order through recipient_key; the address (where to send) is sealed.
DROP INDEX outbox_waiting;
ALTER TABLE outbox RENAME COLUMN external_id TO address;
ALTER TABLE outbox ADD COLUMN recipient_key TEXT;
CREATE INDEX outbox_waiting ON outbox(channel, recipient_key, id) WHERE attempts > 0;

-- A redelivered message is recognised by (channel, sender_key, message id); the sender's address
-- is in the sealed payload.
DROP INDEX inbox_message;
ALTER TABLE inbox ADD COLUMN sender_key TEXT;
ALTER TABLE inbox DROP COLUMN external_id;
CREATE UNIQUE INDEX inbox_message ON inbox(channel, sender_key, message_id) WHERE message_id IS NOT NULL;

-- A sent WhatsApp message is erased with its person through jid_key; the JID is sealed.
ALTER TABLE wa_sent ADD COLUMN jid_key TEXT;

-- Where an officer's answer goes: sealed.
ALTER TABLE questions RENAME COLUMN external_id TO address;

-- Baileys names login keys after contacts (session '6281234567890.0', lid-mapping '6281234567890')
-- and only ever asks for them by exact name: the name is stored as a keyed blind index of
-- (type, name), and the value (which may hold JIDs too) sealed, as are the creds (our own number).
ALTER TABLE wa_auth_keys RENAME COLUMN id TO id_key;
UPDATE wa_auth_keys SET id_key = 'clear:' || id_key;
