-- WhatsApp (Baileys) login: the account credentials (one row) and every Signal key by type and id.
-- Values are JSON written with Baileys' BufferJSON.replacer (binary fields as base64).
CREATE TABLE wa_auth_creds (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  creds TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE wa_auth_keys (
  type TEXT NOT NULL,
  id TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (type, id)
) STRICT;
