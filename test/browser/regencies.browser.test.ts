// The province's view in a real browser (headless Chromium): one deployment serving the four regency
// presets (Banjar, Bangka Barat, Tanah Bumbu, Barito Utara) with registrations in each, seen by the
// province's read-only officer. On a laptop (1366×768) and a phone (390×844) the combined dashboard
// fits the screen's width, shows every regency's row with its target or, where its file sets none,
// what public reports count as covered, and offers no decision. Barito Utara's own dashboard shows
// its reported figures ("Angka dari laporan publik"). Screenshots go to test-results/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeConsoleSession, logIn, openConsoleSession, openPage, useChromium, type ConsoleSession } from '../helpers/browser.js';
import { hashedPassword } from '../helpers/console.js';
import { seedRegistrations } from '../helpers/seed.js';

const RESULTS = 'test-results';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const FOUR = 'data/regencies/banjar.json,data/regencies/bangka-barat.json,data/regencies/tanah-bumbu.json,data/regencies/barito-utara.json';

/** Each regency, its name, and what its row says beside it: its target (Banjar's file sets one) or what reports count as covered. */
const REGENCIES = [
  { key: '63.03', name: 'Kabupaten Banjar', covered: /dari 15\.000 \(\d+%\)/, reported: 'sekitar 13.000 pekerja informal dibayar kabupaten (Mei 2025)' },
  { key: '19.05', name: 'Kabupaten Bangka Barat', covered: /target belum diatur/, reported: 'sekitar 3.750 pekerja rentan dibiayai provinsi (tanpa tanggal)' },
  { key: '63.10', name: 'Kabupaten Tanah Bumbu', covered: /target belum diatur/, reported: '8.146 pekerja desa dan 2.192 pekerja rentan desa terlindungi (Apr 2025)' },
  { key: '62.05', name: 'Kabupaten Barito Utara', covered: /target belum diatur/, reported: '21.018 orang terlindungi (Okt 2024)' },
];
/** What a decision looks like anywhere in the console: none may be offered to a read-only officer. */
const DECISION = /^(Setujui|Tolak|Minta perbaikan|Kirim permintaan perbaikan|Hapus)/;

const browser = useChromium();
let session: ConsoleSession = {};
let context: BrowserContext | undefined;
let page: Page | undefined;

beforeAll(async () => {
  session = await openConsoleSession(browser(), { env: { PROGRAMME_SETTINGS_PATH: FOUR }, page: false });
  const { store, regencies } = session.h!.runtime;
  expect(regencies.keys).toEqual(REGENCIES.map((r) => r.key));
  // A few weeks of registrations in every regency, in every status.
  for (const [i, r] of REGENCIES.entries()) {
    await seedRegistrations(store, 40, { settings: regencies.get(r.key), cipher: store.cipher, seed: i + 11, startIndex: i * 1000, now: Date.now(), spanDays: 42, cadres: 2 });
  }
  // The province's supervisor: every regency, read-only.
  await store.officers.add({ username: 'provinsi', passwordHash: await hashedPassword(), role: 'officer', now: Date.now(), scope: { readOnly: true } });
}, 60_000);
afterAll(async () => {
  await closeConsoleSession(session);
});
afterEach(async ({ task }) => {
  // A failed test leaves a full-page screenshot (the session itself is closed once, after all).
  await closeConsoleSession({ context, page }, task, 'regencies-');
  context = undefined;
  page = undefined;
});

/** A fresh context logged in as the province's officer, at a laptop's or a phone's size. */
async function openAs(viewport: { width: number; height: number }, phone = false): Promise<Page> {
  ({ context, page } = await openPage(browser(), session.con!, { viewport, ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}) }));
  await logIn(page, 'provinsi');
  return page;
}

/** How far the page is wider than the screen (0 or less: no sideways scrolling). */
const overflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The element lies within the screen's width (it may be further down the page). */
async function expectWithinWidth(p: Page, what: string, locator: ReturnType<Page['locator']>): Promise<void> {
  const box = await locator.boundingBox();
  const width = await p.evaluate(() => window.innerWidth);
  expect(box, what).not.toBeNull();
  expect(box!.x, what).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, what).toBeLessThanOrEqual(width + 0.5);
}

async function expectNoDecisions(p: Page): Promise<void> {
  expect(await p.getByRole('button', { name: DECISION }).count()).toBe(0);
  // Nothing in the page itself posts anything (logging out is in the header).
  expect(await p.locator('main form[method="post"]').count()).toBe(0);
}

describe("the province's combined dashboard of the four presets", () => {
  for (const [label, viewport, phone] of [
    ['1366x768', DESKTOP, false],
    ['390x844', PHONE, true],
  ] as const) {
    it(`at ${label}: every regency's row with its target or reported figure, nothing off the side, no decision`, async () => {
      const p = await openAs(viewport, phone);
      await p.goto('/dashboard');
      expect(await p.getByRole('heading', { name: 'Dasbor gabungan', level: 1 }).isVisible()).toBe(true);
      expect(await overflow(p)).toBeLessThanOrEqual(0);
      const table = p.locator('table.regencies');
      expect(await table.isVisible()).toBe(true);
      // The table needs no sideways scrolling of its own either: every column is on the screen.
      const wrap = await table.evaluate((el) => ({ table: el.scrollWidth, wrap: el.parentElement!.clientWidth }));
      expect(wrap.table, 'the regencies table is wider than its box').toBeLessThanOrEqual(wrap.wrap);
      for (const r of REGENCIES) {
        const row = table.locator(`tr[data-regency="${r.key}"]`);
        expect(await row.isVisible(), r.name).toBe(true);
        const name = row.getByRole('link', { name: r.name, exact: true });
        expect(await name.isVisible(), r.name).toBe(true);
        const covered = row.locator('[data-figure="covered"]');
        const reported = row.locator('[data-figure="reported"]');
        expect(await covered.isVisible(), `${r.name}: target`).toBe(true);
        expect(await covered.innerText()).toMatch(r.covered);
        expect(await reported.isVisible(), `${r.name}: reported`).toBe(true);
        expect((await reported.innerText()).replace(/^Dilaporkan:\s*/, '').trim()).toBe(r.reported);
        for (const [what, el] of [['name', name], ['target', covered], ['reported', reported]] as const) await expectWithinWidth(p, `${r.name}: ${what}`, el);
      }
      // The total row is there too, and sums no reported figure.
      const total = table.locator('tr[data-regency="total"]');
      expect(await total.isVisible()).toBe(true);
      expect(await total.innerText()).not.toContain('terlindungi (');
      await expectNoDecisions(p);
      mkdirSync(RESULTS, { recursive: true });
      await p.screenshot({ path: join(RESULTS, `console-regencies-combined-${label}.png`), fullPage: true });
    });
  }

  it("opens Barito Utara's own dashboard from its row: the figures public reports give, with their source and month", async () => {
    const p = await openAs(DESKTOP);
    await p.goto('/dashboard');
    await p.locator('table.regencies').getByRole('link', { name: 'Kabupaten Barito Utara', exact: true }).click();
    await p.waitForURL('**/dashboard?regency=62.05');
    expect(await p.getByRole('heading', { name: 'Dasbor Kabupaten Barito Utara', level: 1 }).isVisible()).toBe(true);
    // No target in its file: the target card says so, and the reported figures stand beside it.
    expect(await p.getByText('Target cakupan belum diatur', { exact: false }).first().isVisible()).toBe(true);
    const block = p.getByRole('region', { name: 'Angka dari laporan publik' });
    expect(await block.isVisible()).toBe(true);
    const item = (key: string) => block.locator(`li[data-figure-key="${key}"]`);
    expect(await item('reported.covered.total').innerText()).toMatch(/Jumlah terlindungi\s+21\.018 orang\s+Laporan publik, Oktober 2024 · angka per Okt 2024/);
    expect(await item('reported.cost').locator('.rf-value').innerText()).toBe('Rp4.972.965.376');
    expect(await item('reported.coveragePercent').locator('.rf-value').innerText()).toBe('86,40%');
    expect(await item('reported.covered.non_asn').innerText()).toContain('3.842 orang');
    expect(await block.locator('li[data-figure-key]').count()).toBe(8);
    for (const v of await block.locator('.rf-value').all()) expect(await v.isVisible()).toBe(true);
    // What the report says, one click away.
    const sources = block.locator('details.rf-sources');
    expect(await sources.locator('li').isVisible()).toBe(false);
    await sources.locator('summary').click();
    expect(await sources.locator('li').innerText()).toContain('21,018 people for Rp4,972,965,376');
    expect(await overflow(p)).toBeLessThanOrEqual(0);
    await expectNoDecisions(p);
    mkdirSync(RESULTS, { recursive: true });
    await p.screenshot({ path: join(RESULTS, 'console-regency-barito-utara-1366x768.png'), fullPage: true });
    await block.screenshot({ path: join(RESULTS, 'console-regency-barito-utara-reported-1366x768.png') });
  });

  it("fits Barito Utara's own dashboard on a phone, every reported figure within the screen", async () => {
    const p = await openAs(PHONE, true);
    await p.goto('/dashboard?regency=62.05');
    const block = p.getByRole('region', { name: 'Angka dari laporan publik' });
    expect(await block.isVisible()).toBe(true);
    expect(await overflow(p)).toBeLessThanOrEqual(0);
    for (const v of await block.locator('.rf-value').all()) await expectWithinWidth(p, await v.innerText(), v);
    await expectNoDecisions(p);
    mkdirSync(RESULTS, { recursive: true });
    await p.screenshot({ path: join(RESULTS, 'console-regency-barito-utara-390x844.png'), fullPage: true });
  });
});
