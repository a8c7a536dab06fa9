-- Invites an officer creates for village cadres: a code (deep link payload) for one desa and role.
CREATE TABLE cadre_invites (
  code TEXT PRIMARY KEY,
  desa TEXT NOT NULL,
  kecamatan TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kader', 'perangkat', 'bpd', 'rtrw', 'lkd')),
  created_at INTEGER NOT NULL,
  created_by TEXT,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  used_by INTEGER REFERENCES people(id),
  used_at INTEGER
) STRICT;

-- People enrolled as cadres: they register neighbours on their behalf.
CREATE TABLE cadres (
  person_id INTEGER PRIMARY KEY REFERENCES people(id),
  desa TEXT NOT NULL,
  kecamatan TEXT NOT NULL,
  role TEXT NOT NULL,
  invite_code TEXT NOT NULL REFERENCES cadre_invites(code),
  enrolled_at INTEGER NOT NULL
) STRICT;

-- A cadre confirms that the neighbour was told and agreed: who confirmed is kept with the consent.
ALTER TABLE consents ADD COLUMN confirmed_by INTEGER REFERENCES people(id);

-- Outbox rows may go to a chat that is not a person (a group pointer): person_id becomes optional.
CREATE TABLE outbox_new (
  id INTEGER PRIMARY KEY,
  person_id INTEGER REFERENCES people(id),
  channel TEXT NOT NULL,
  external_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'reply',
  created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
) STRICT;
INSERT INTO outbox_new SELECT id, person_id, channel, external_id, payload, kind, created_at, next_attempt_at, attempts, last_error FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

-- Per chat on a channel: the last message that carried buttons, so its keyboard can be removed
-- once the question is answered (an old button must not answer a new question).
CREATE TABLE channel_chats (
  channel TEXT NOT NULL,
  external_id TEXT NOT NULL,
  keyboard_message_id TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (channel, external_id)
) STRICT, WITHOUT ROWID;

-- Small facts the running bot learns, e.g. its Telegram username for invite links.
CREATE TABLE kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
