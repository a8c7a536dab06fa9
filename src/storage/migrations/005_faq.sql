-- Free-text questions the bot could not match, with digit runs (NIK, phone) masked, so officers
-- can see what to add to the knowledge base.
CREATE TABLE faq_unmatched (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  lang TEXT NOT NULL,
  channel TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX faq_unmatched_created ON faq_unmatched(created_at);

-- The queue's name search counts its matches from this index alone (no table lookups at 100,000 rows).
CREATE INDEX registrations_status_name ON registrations(status, full_name);
