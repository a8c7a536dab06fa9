-- Phrasings an officer taught the reader from the Questions page: another way of asking a
-- knowledge-base topic, or (topic NULL) something Lindung does not answer. The key is the
-- phrasing's normalised form with digit runs removed (src/faq/learned.ts), never the raw text.
CREATE TABLE faq_phrasings (
  key TEXT PRIMARY KEY,
  topic TEXT,
  taught_by INTEGER NOT NULL REFERENCES officers(id),
  taught_at INTEGER NOT NULL
) STRICT;
