-- Several bot processes share the outbox: a sender claims the due rows it is about to send
-- (claimed_by, until claimed_until), so no other process sends them meanwhile and a chat's messages
-- go out from one process at a time, in order. A claim that ran out (its process died mid-send) is
-- taken over by another sender: a reply is repeated at most, never lost (SQLite file: 025 too).
ALTER TABLE outbox ADD COLUMN claimed_by text;
ALTER TABLE outbox ADD COLUMN claimed_until bigint;
