-- Telegram no longer removes the buttons of answered questions (a counted call per answer; stale
-- buttons are refused anyway), so the message that carried them is no longer kept.
DROP TABLE IF EXISTS channel_chats;
