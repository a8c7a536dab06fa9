-- Registrations made in the console's chat simulator (channel 'web') are test registrations: the
-- queue, the export and the counts leave them out unless asked (domain/queue-filter.ts,
-- storage/queue.ts). This index finds those few rows at once, so leaving them out costs the other
-- queries nothing (`id NOT IN (…)` is checked from the rowid every index already holds), and
-- "only test registrations" reads them in queue order.
CREATE INDEX registrations_channel ON registrations(channel, status, created_at);
