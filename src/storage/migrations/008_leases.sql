-- Who drives something only one process may drive at a time (one WhatsApp number): a holder and
-- an expiry, renewed while the holder lives; another process takes over once it has expired.
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
