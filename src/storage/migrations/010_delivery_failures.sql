-- News about a registration (a decision, a correction request) names it, so that a delivery that
-- fails (at once, or when WhatsApp reports it later) shows on that registration's page.
ALTER TABLE outbox ADD COLUMN registration_id INTEGER;
ALTER TABLE wa_sent ADD COLUMN registration_id INTEGER;
ALTER TABLE wa_sent ADD COLUMN person_id INTEGER;
