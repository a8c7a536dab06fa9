// The officer's erase action leaves no personal value in the SQLite files (secure_delete, then the
// WAL emptied): what someone copying the database file and its WAL would read. On PostgreSQL the
// row checks of erase.test.ts are what the product promises (its files are the server's).
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { client, startConsole } from '../helpers/console.js';
import { cleanup, NIK_MALE, startHarness, type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

let h: Harness;
let con: Awaited<ReturnType<typeof startConsole>>;
beforeEach(async () => {
  h = await startHarness();
  con = await startConsole(h);
});
afterEach(() => cleanup(h));

const NAME = 'Budi Santoso Wiryawan';
const ADDRESS = 'Jl. Kenanga Gang Tujuh';

async function registerSelf(user: string): Promise<string> {
  let out: string[] = [];
  for (const text of registrationScript({ fullName: NAME, address: ADDRESS })) out = await h.say(user, text);
  return /LD-\w{5}/.exec(out.join('\n'))![0];
}

/** The database file and its WAL as bytes (what someone copying the files would read). */
const rawBytes = () => Buffer.concat([h.dbPath, `${h.dbPath}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)));

describe('officer erase action, in the SQLite files', () => {
  it('leaves no value of the erased registration in the database file or its WAL', async () => {
    const ref = await registerSelf('w');
    // What the test looks for is really there before (the name is kept in clear for the search).
    expect(rawBytes().includes(Buffer.from(NAME))).toBe(true);
    await h.runtime.app.changeStatus(ref, { to: 'needs_correction', actor: { kind: 'officer', id: 'ana' }, note: `Alamat ${ADDRESS} kurang lengkap` });
    const c = client(con.web);
    expect((await c.login('budi')).status).toBe(303);
    await c.get(`/registrations/${ref}`);

    const res = await c.post(`/registrations/${ref}/erase`, { reason: 'person_request', confirm: 'yes', note: `datang ke kantor, NIK ${NIK_MALE}` });
    expect(res.headers.get('location')).toBe(`/registrations/${ref}?ok=erased`);

    // Nothing of it in the database file or its WAL (secure_delete, then the WAL emptied).
    const bytes = rawBytes();
    for (const value of [NIK_MALE, NAME, ADDRESS]) expect({ value, inFiles: bytes.includes(Buffer.from(value)) }).toEqual({ value, inFiles: false });
  });
});
