// Reads the database the way someone who copied the files would: the raw bytes of the SQLite main
// file and its WAL, after whole conversations and an erasure (at-rest-people.ts). No NIK, phone,
// birth date, address, heir or mother's name may be readable, and an erased person's values (their
// name too) must be gone. Every column of every table, on both stores: at-rest-scan.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, type Harness } from '../helpers/harness.js';
import { clearForms, converse, DRAFT, ERASED, expectReadsBack, NEIGHBOUR, startScanHarness, WORKER } from './at-rest-people.js';

let h: Harness;
beforeEach(async () => {
  h = await startScanHarness();
});
afterEach(() => cleanup(h));

const files = () => [h.dbPath, `${h.dbPath}-wal`].filter((p) => existsSync(p));
const bytes = () => Buffer.concat(files().map((p) => readFileSync(p)));

/** The values of `who` found in clear in the files (their form), with the name only when `nameToo`. */
function foundInClear(who: Record<string, string>, nameToo: boolean): string[] {
  const raw = bytes();
  return clearForms(who, nameToo)
    .filter(({ value }) => raw.includes(Buffer.from(value, 'utf8')))
    .map(({ field, value }) => `${field}: ${value}`);
}

describe('the database files at rest', () => {
  it('hold no NIK, phone, birth date, address, heir or mother\'s name after whole conversations, and none of an erased person', async () => {
    const ref = await converse(h);

    // The check itself must be able to see a value written in clear: the names kept for the search are there.
    expect(bytes().includes(Buffer.from(WORKER.fullName))).toBe(true);

    for (const when of ['before a checkpoint', 'after a checkpoint'] as const) {
      if (when === 'after a checkpoint') h.runtime.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(foundInClear(WORKER, false), `${when}: the worker`).toEqual([]);
      expect(foundInClear(NEIGHBOUR, false), `${when}: the neighbour`).toEqual([]);
      expect(foundInClear(DRAFT, false), `${when}: the draft`).toEqual([]);
      expect(foundInClear(ERASED, true), `${when}: the erased person`).toEqual([]);
    }

    await expectReadsBack(h, ref);
  });
});
