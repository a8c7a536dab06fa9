import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/app/retention.js';
import { loadProgrammeSettings } from '../../src/settings.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

const settings = loadProgrammeSettings('data/programme.example.json');
const DAY = 24 * 3600_000;
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

describe('retention', () => {
  it('empties idle drafts after the draft period and wipes old rejected registrations', async () => {
    for (const text of registrationScript({}, { until: 'birthPlace' })) await h.say('idle', text);
    h.clock.now += 10 * DAY;
    await h.say('active', 'halo');
    const db = dbOf(h);
    await db.run(
      "INSERT INTO registrations (reference, applicant_id, submitter_id, channel, status, nik, full_name, data, created_at, updated_at) VALUES ('LD-AAAAA', 1, 1, 'test', 'rejected', '6301011708800003', 'X', '{}', ?, ?)",
      [h.clock.now, h.clock.now],
    );

    expect(await purgeExpired(h.runtime.store, settings, h.clock.now + 5 * DAY)).toMatchObject({ sessions: 0, rejected: 0 });
    const later = h.clock.now + (settings.retentionDays.draft - 10 + 1) * DAY;
    expect(await purgeExpired(h.runtime.store, settings, later)).toMatchObject({ sessions: 1, rejected: 0 });
    expect(await db.count('sessions')).toBe(1);

    const muchLater = h.clock.now + (settings.retentionDays.rejected + 1) * DAY;
    expect((await purgeExpired(h.runtime.store, settings, muchLater)).rejected).toBe(1);
    expect(await db.get("SELECT status, nik, data FROM registrations WHERE reference = 'LD-AAAAA'")).toEqual({ status: 'deleted', nik: null, data: null });
    // The person whose draft expired simply starts again.
    h.clock.now = later;
    expect((await h.say('idle', '4')).join('\n')).toContain('Sebelum mendaftar');
  });
});
