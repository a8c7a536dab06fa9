-- Every message a person sends, committed before the platform is told it arrived (the next
-- getUpdates offset, a webhook's 200, a read receipt) and deleted in the transaction that handles
-- it: a crash or a stop in between leaves it here, and it is handled at the next start.
CREATE TABLE inbox (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL,
  external_id TEXT NOT NULL,
  message_id TEXT,
  payload TEXT NOT NULL,
  received_at INTEGER NOT NULL
) STRICT;
-- A platform that delivers a message again while it still waits here adds nothing.
CREATE UNIQUE INDEX inbox_message ON inbox(channel, external_id, message_id) WHERE message_id IS NOT NULL;
