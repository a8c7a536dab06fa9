// The queue for volume in a real browser (headless Chromium, Debian's /usr/bin/chromium): dense rows
// at 1366x768, status and date on a 390x844 phone, a search that looks in every status, bulk
// approval with nothing ticked, select-all with a confirmation that states the count, and test
// registrations from the chat simulator kept out of the queue unless asked for.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeConsoleSession, openConsoleSession, openPage, useChromium, logIn, query, registerThroughBot, type ServedConsole } from '../helpers/browser.js';
import { type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';
import { seedRegistrations } from '../helpers/seed.js';

const RESULTS = 'test-results';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

const browser = useChromium();
let h: Harness | undefined;
let con: ServedConsole | undefined;
let context: BrowserContext | undefined;
let page: Page;

/** A fresh browser context (cookies) per test; desktop size unless a phone is asked for. */
async function open(viewport = DESKTOP, phone = false): Promise<void> {
  ({ context, page } = await openPage(browser(), con!, {
    viewport,
    ...(phone ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
    acceptDownloads: true,
  }));
}

beforeEach(async () => {
  ({ h, con } = await openConsoleSession(browser(), { page: false }));
});
afterEach(async ({ task }) => {
  await closeConsoleSession({ h, con, context, page }, task, 'queue-');
  context = undefined;
  con = undefined;
  h = undefined;
});

const harness = () => h!;
const statusOf = (ref: string) => query<{ status: string }>(harness(), 'SELECT status FROM registrations WHERE reference = ?', ref)[0]?.status;
const flash = () => page.locator('main p.flash');
const rowOf = (p: Page, ref: string) => p.locator('table.queue tbody tr', { has: p.getByRole('link', { name: ref, exact: true }) });

/** Registrations waiting for a decision, straight into the runtime's database, made over the last 20 days. */
async function seedWaiting(n: number, longName?: string): Promise<string[]> {
  const weights = { submitted: 1, needs_correction: 0, approved: 0, registered: 0, rejected: 0, deleted: 0 };
  const { rows } = await seedRegistrations(harness(), n, {
    now: Date.now(),
    spanDays: 20,
    cadres: 0,
    statusWeights: weights,
    cipher: harness().runtime.store.cipher,
    tweak: (data, i) => {
      if (i === 0 && longName) data.fullName = longName;
    },
  });
  return rows.map((r) => r.reference);
}

describe('the queue in Chromium', () => {
  it('shows at least 15 rows at 1366x768, each on one line, with waiting time and checks in words', async () => {
    await seedWaiting(40, 'Muhammad Rahmat Hidayatullah Nur Syahrani Kurniawan Saputra Ramadhan');
    await open();
    await logIn(page, 'budi');
    await page.locator('table.queue tbody tr').first().waitFor();
    const boxes = await page.locator('table.queue tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect()).map((b) => ({ top: b.top, bottom: b.bottom, height: b.height })));
    expect(boxes.length).toBe(40);
    const visible = boxes.filter((b) => b.top >= 0 && b.bottom <= DESKTOP.height);
    expect(visible.length).toBeGreaterThanOrEqual(15);
    // No row wraps: every row is as tall as the shortest one (the long name is cut, with the whole name as its tooltip).
    const heights = boxes.map((b) => b.height);
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(1);
    expect(Math.min(...heights)).toBeLessThan(34);
    const long = page.locator('table.queue td.q-name .clip', { hasText: 'Muhammad Rahmat' });
    expect(await long.getAttribute('title')).toBe('Muhammad Rahmat Hidayatullah Nur Syahrani Kurniawan Saputra Ramadhan');
    expect(await long.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // Nothing sticks out of the page sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // Waiting time in words, and no "⚠ 1".
    const first = page.locator('table.queue tbody tr').first();
    expect(await first.locator('td.q-when').innerText()).toMatch(/^\d{1,2} \w{3} · \d+ (hari|jam|menit)$/);
    expect(await page.locator('table.queue').innerText()).not.toContain('⚠');
    expect(await page.locator('table.queue .chip').first().innerText()).toMatch(/^(Cek DTSEN|Wilayah NIK\?)$/);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'console-queue-1366x768.png') });
  });

  it('shows each row with its status and date on a 390x844 phone', async () => {
    const refs = await seedWaiting(6);
    await open(PHONE, true);
    await logIn(page, 'budi');
    const row = rowOf(page, refs[0]!);
    await row.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    for (const ref of refs) {
      const r = rowOf(page, ref);
      for (const part of [r.getByRole('link', { name: ref, exact: true }), r.locator('td.q-status .badge'), r.locator('td.q-when time'), r.locator('td.q-name')]) {
        expect(await part.isVisible()).toBe(true);
        const box = (await part.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      }
    }
    expect(await row.locator('td.q-status').innerText()).toBe('Terkirim');
    expect(await row.locator('td.q-when').innerText()).toMatch(/^\d{1,2} \w{3} · \d+ (hari|jam|menit)$/);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'console-queue-390x844.png'), fullPage: true });
  });

  it('finds an approved registration by its code from the default tab, and says it is approved', async () => {
    const ref = await registerThroughBot(harness(), 'warga-1');
    await harness().runtime.app.changeStatus(ref, { to: 'approved', actor: { kind: 'officer', id: 'ana' } });
    await seedWaiting(3);
    await open();
    await logIn(page, 'budi');
    expect(await page.locator('nav.tabs a.on').innerText()).toMatch(/^Menunggu keputusan\s*3$/);
    expect(await rowOf(page, ref).count()).toBe(0);
    await page.getByRole('textbox', { name: 'Cari' }).fill(ref);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/\/queue\?q=LD-/);
    const row = rowOf(page, ref);
    await row.waitFor();
    expect(await row.locator('td.q-status').innerText()).toBe('Disetujui');
    expect(await page.getByText('Hasil pencarian di semua status').isVisible()).toBe(true);
    expect(await page.locator('table.queue tbody tr').count()).toBe(1);
  });

  it('says so when "approve selected" is pressed with nothing ticked, and approves nothing', async () => {
    const refs = await seedWaiting(2);
    await open();
    await logIn(page, 'budi');
    await rowOf(page, refs[0]!).waitFor();
    await page.getByRole('button', { name: 'Setujui yang dipilih' }).click();
    await page.waitForURL(/err=nothing_selected/);
    expect(await flash().innerText()).toBe('Tidak ada pendaftaran yang dipilih: centang dulu baris yang akan disetujui.');
    expect(await flash().getAttribute('class')).toBe('flash error');
    expect(refs.map(statusOf)).toEqual(['submitted', 'submitted']);
  });

  it('selects every row of the page with one box, then confirms the approval with its count', async () => {
    const refs = await seedWaiting(4);
    await open();
    await logIn(page, 'budi');
    await rowOf(page, refs[0]!).waitFor();
    const all = page.getByRole('checkbox', { name: 'Pilih semua di halaman ini' });
    const rows = page.locator('table.queue tbody input[name="ref"]');
    await all.check();
    expect(await rows.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([true, true, true, true]);
    await rows.nth(1).uncheck();
    expect(await all.isChecked()).toBe(false);
    expect(await all.evaluate((e) => (e as HTMLInputElement).indeterminate)).toBe(true);
    await all.check();
    await page.getByRole('button', { name: 'Setujui yang dipilih' }).click();
    await page.getByText('Setujui 4 pendaftaran ini? Warga diberi tahu setelah 30 detik; sampai saat itu semuanya masih bisa dibatalkan.').waitFor();
    expect(refs.map(statusOf)).toEqual(['submitted', 'submitted', 'submitted', 'submitted']);
    await page.getByRole('button', { name: 'Ya, setujui 4 pendaftaran' }).click();
    await page.waitForURL(/ok=bulk_approved/);
    const notice = page.locator('section.flash.notice');
    expect(await notice.locator('p').first().innerText()).toBe('4 pendaftaran disetujui.');
    await page.screenshot({ path: join(RESULTS, 'console-queue-bulk-undo-1366.png') });
    expect(refs.map(statusOf)).toEqual(['approved', 'approved', 'approved', 'approved']);
    expect(await page.locator('table.queue tbody').innerText()).toContain('Tidak ada pendaftaran.');
    // Taken back with the keyboard before anyone is told: all four wait for a decision again.
    await page.keyboard.press('u');
    await page.waitForURL(/ok=bulk_undone/);
    expect(await flash().innerText()).toBe('4 persetujuan dibatalkan; warga tidak diberi tahu. Pendaftarannya kembali menunggu keputusan.');
    expect(refs.map(statusOf)).toEqual(['submitted', 'submitted', 'submitted', 'submitted']);
  });

  it('keeps a registration made in the chat simulator out of the queue and the export, and shows it marked when asked for', async () => {
    const real = await registerThroughBot(harness(), 'warga-2');
    await open();
    await logIn(page, 'budi');
    await page.goto('/simulator');
    // The officer's messages go to the simulator's own form handler with the page's session and token
    // (typing twenty answers adds nothing this test is about).
    const csrf = await page.locator('form[action="/simulator"] input[name="_csrf"]').getAttribute('value');
    for (const text of registrationScript({ nik: '6301015705850012', birthDate: '17-05-1985', sex: '2', fullName: 'Sari Uji Coba' })) {
      const res = await page.request.post('/simulator', { form: { _csrf: csrf!, text }, maxRedirects: 0 });
      expect(res.status()).toBe(303);
    }
    await page.reload();
    expect((await page.locator('.bubble.bot').allInnerTexts()).join('\n')).toMatch(/LD-\w{5}/);
    const [test] = query<{ reference: string }>(harness(), "SELECT reference FROM registrations WHERE channel = 'web'");
    expect(test).toBeDefined();
    await page.getByRole('link', { name: 'Antrean' }).click();
    await page.waitForURL('**/queue');
    await rowOf(page, real).waitFor();
    expect(await rowOf(page, test!.reference).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ekspor CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain(real);
    expect(csv).not.toContain(test!.reference);

    await page.getByText('Filter lainnya').click();
    await page.getByLabel('Uji coba (simulator)').selectOption({ label: 'Termasuk uji coba' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/test=include/);
    const row = rowOf(page, test!.reference);
    await row.waitFor();
    expect(await row.locator('.badge.test').innerText()).toBe('Uji coba');
    expect(await rowOf(page, real).locator('.badge.test').count()).toBe(0);
  });
});
