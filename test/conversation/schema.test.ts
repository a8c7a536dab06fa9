import { pino } from 'pino';
import { addressKey } from '../../src/storage/addresses.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/app.js';
import { exportColumns, exportRows } from '../../src/console/export.js';
import { buildWorkerFlows } from '../../src/core/flows/index.js';
import { fieldSettingProblems, REGISTRATION_SCHEMA, voice, type FieldDef } from '../../src/core/flows/registration-schema.js';
import { parseFreeText, textAnswer } from '../../src/core/flows/util.js';
import { loadRates } from '../../src/domain/rates.js';
import { createTranslator } from '../../src/i18n.js';
import { loadProgrammeSettings, type ProgrammeSettings } from '../../src/settings.js';
import { QueueFilterSchema } from '../../src/domain/queue-filter.js';
import { dbOf } from '../helpers/db.js';
import { cleanup, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

const baseSettings = loadProgrammeSettings('data/programme.example.json');

/** An app on the harness's database with its own schema and settings (what a regency's change would be). */
function appWith(h: Harness, schema: readonly FieldDef[], settings: ProgrammeSettings = baseSettings): App {
  return createApp({
    store: h.runtime.store,
    flows: buildWorkerFlows(schema),
    schema,
    settings,
    rates: loadRates('data/rates.json'),
    translate: createTranslator(),
    isKnownDistrict: () => true,
    logger: pino({ level: 'silent' }),
    timeZone: 'Asia/Makassar',
    clock: () => h.clock.now,
  });
}

async function say(app: App, user: string, texts: string[]): Promise<string> {
  let last = '';
  for (const text of texts) {
    const r = await app.handle({ channel: 'test', externalId: user, text });
    last = r.replies.map((x) => [x.text, ...(x.choices ?? []).map((c) => `${c.key}. ${c.label}`)].join('\n')).join('\n');
  }
  return last;
}

const storedData = async (h: Harness) =>
  JSON.parse(h.runtime.store.cipher.decrypt((await dbOf(h).get<{ data: string }>('SELECT data FROM registrations ORDER BY id DESC LIMIT 1'))!.data)) as Record<string, unknown>;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => cleanup(h));

describe('one declared registration schema', () => {
  it('a field added to the schema is asked, summarised, stored, exported and correctable, with nothing else changed', async () => {
    // "Lokasi kerja", as a regency might ask: one row (its texts would be locale keys reg.workplace, regc.workplace, reg.field.workplace).
    const workplace: FieldDef = {
      id: 'workplace',
      step: { prompt: () => 'Di mana lokasi kerja Anda?', freeText: true, answer: () => textAnswer(parseFreeText(3, 100)), display: (v) => String(v) },
      personal: false,
      column: { width: 20 },
      example: 'Pasar Sungai Danau',
    };
    const at = REGISTRATION_SCHEMA.findIndex((f) => f.id === 'address') + 1;
    const schema = [...REGISTRATION_SCHEMA.slice(0, at), workplace, ...REGISTRATION_SCHEMA.slice(at)];
    const app = appWith(h, schema);

    const script = registrationScript({}, { schema, send: false });
    const toWorkplace = registrationScript({}, { schema, until: 'workplace' });
    const before = await say(app, 'w', toWorkplace);
    expect(before).toContain('Di mana lokasi kerja Anda?');
    const summary = await say(app, 'w', script.slice(toWorkplace.length));
    expect(summary).toContain('Pasar Sungai Danau');
    // The summary numbers it like the others: "ubah 9" is the workplace.
    expect(summary).toMatch(/9\. [^\n]*: Pasar Sungai Danau/);
    const sent = await say(app, 'w', ['1']);
    expect(sent).toMatch(/LD-\w{5}/);
    expect((await storedData(h)).workplace).toBe('Pasar Sungai Danau');

    const columns = exportColumns(schema);
    expect(columns.map((c) => c.key)).toContain('workplace');
    const rows = [];
    for await (const r of exportRows(h.runtime.store.queue.exportRecords(QueueFilterSchema.parse({ status: 'all' })), 'Asia/Makassar', baseSettings, schema)) rows.push(r);
    expect(rows[0]!.workplace).toBe('Pasar Sungai Danau');

    // An officer asks for it again; the person is asked exactly that and the change is stored.
    const reference = /LD-\w{5}/.exec(sent)![0];
    await app.requestCorrection(reference, { fields: ['workplace'], note: 'Lokasi kurang jelas', officer: 'ana' });
    const asked = JSON.parse(h.runtime.store.cipher.decrypt((await dbOf(h).get<{ payload: string }>('SELECT payload FROM outbox WHERE recipient_key = ? ORDER BY id DESC LIMIT 1', [addressKey(h.runtime.store.cipher, 'test', 'w')]))!.payload)).text as string;
    expect(asked).toContain('Di mana lokasi kerja Anda?');
    await say(app, 'w', ['Pasar Wadai, los 12', '1']);
    expect((await storedData(h)).workplace).toBe('Pasar Wadai, los 12');
  });

  it("a regency makes the mother's maiden name required, optional or off in its settings", async () => {
    const required = appWith(h, REGISTRATION_SCHEMA, { ...baseSettings, registrationFields: { motherName: 'required' } });
    const untilMother = registrationScript({}, { until: 'motherName', settings: { ...baseSettings, registrationFields: { motherName: 'required' } } });
    expect(await say(required, 'a', untilMother)).toMatch(/ibu kandung/i);
    // Required: "-" is not an answer.
    expect(await say(required, 'a', ['-'])).not.toContain('Kirim');
    expect(await say(required, 'a', ['Aminah'])).toContain('Aminah');
    await say(required, 'a', ['1']);
    expect((await storedData(h)).motherName).toBe('Aminah');

    const optional = appWith(h, REGISTRATION_SCHEMA, { ...baseSettings, registrationFields: { motherName: 'optional' } });
    const summary = await say(optional, 'b', registrationScript({ nik: '6301015705850012', birthDate: '17-05-1985', sex: '2', motherName: '-' }, { send: false, settings: { ...baseSettings, registrationFields: { motherName: 'optional' } } }));
    expect(summary).toContain('Kirim');
    await say(optional, 'b', ['1']);
    expect((await storedData(h)).motherName).toBeNull();

    // Off (the example regency's default): never asked, not in the summary.
    const off = await say(appWith(h, REGISTRATION_SCHEMA), 'c', registrationScript({ nik: '6301011708800011' }, { send: false }));
    expect(off).not.toMatch(/ibu kandung/i);
  });

  it('refuses settings that name an unknown field or one a regency may not change', () => {
    expect(fieldSettingProblems(REGISTRATION_SCHEMA, { ...baseSettings, registrationFields: { motherName: 'required' } })).toEqual([]);
    expect(fieldSettingProblems(REGISTRATION_SCHEMA, { ...baseSettings, registrationFields: { lokasiKerja: 'required' } })[0]).toContain('no such field');
    expect(fieldSettingProblems(REGISTRATION_SCHEMA, { ...baseSettings, registrationFields: { nik: 'off' } })[0]).toContain('always asked');
  });

  it('every field has an example answer that its own question accepts (the test scripts are built from them)', async () => {
    const out = await say(appWith(h, REGISTRATION_SCHEMA), 'd', registrationScript());
    expect(out).toMatch(/LD-\w{5}/);
    // voice() gives the cadre's wording for a neighbour: each field has both.
    expect(typeof voice('fullName')).toBe('function');
  });
});
