// Reads the database the way anyone who can read it would (a dump, a read-only role): every value
// of every column of every table, through the store's port, on both stores, after whole
// conversations and an erasure (at-rest-people.ts). No NIK, phone, birth date, address, heir or
// mother's name may be readable, and an erased person's values (their name too) must be gone. The
// SQLite file's and WAL's own bytes: at-rest-scan.sqlite.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foundInTables } from '../helpers/addresses.js';
import { cleanup, type Harness } from '../helpers/harness.js';
import { clearForms, converse, DRAFT, ERASED, expectReadsBack, NEIGHBOUR, startScanHarness, WORKER } from './at-rest-people.js';

let h: Harness;
beforeEach(async () => {
  h = await startScanHarness();
});
afterEach(() => cleanup(h));

/** The values of `who` found in clear in any column (their form, and where), with the name only when `nameToo`. */
async function foundInClear(who: Record<string, string>, nameToo: boolean): Promise<string[]> {
  const forms = clearForms(who, nameToo);
  const found = await foundInTables(h.runtime.store.sql, forms.map((f) => f.value));
  return found.map((at) => `${forms.find((f) => at.endsWith(`: ${f.value}`))!.field} in ${at}`);
}

describe('the database at rest', () => {
  it('holds no NIK, phone, birth date, address, heir or mother\'s name after whole conversations, and none of an erased person', async () => {
    const ref = await converse(h);

    // The check itself must be able to see a value written in clear: the names kept for the search are there.
    expect(await foundInTables(h.runtime.store.sql, [WORKER.fullName])).not.toEqual([]);

    expect(await foundInClear(WORKER, false), 'the worker').toEqual([]);
    expect(await foundInClear(NEIGHBOUR, false), 'the neighbour').toEqual([]);
    expect(await foundInClear(DRAFT, false), 'the draft').toEqual([]);
    expect(await foundInClear(ERASED, true), 'the erased person').toEqual([]);

    await expectReadsBack(h, ref);
  });
});
