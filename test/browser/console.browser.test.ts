// The officer console in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core) against the real console served over HTTP, on a real runtime and SQLite file.
// One browser for the file; a fresh harness, server and browser context (cookies) per test.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeConsoleSession, openConsoleSession, useChromium, csvFields, logIn, outboxTextsFor, query, registerThroughBot, type ServedConsole } from '../helpers/browser.js';
import { PASSWORD } from '../helpers/console.js';
import { NIK_MALE, type Harness } from '../helpers/harness.js';
import { enrolInBrowser } from './enrol.js';

const RESULTS = 'test-results';

const browser = useChromium();
let h: Harness | undefined;
let con: ServedConsole | undefined;
let context: BrowserContext | undefined;
let page: Page;

beforeEach(async () => {
  const s = await openConsoleSession(browser(), { context: { acceptDownloads: true } });
  ({ h, con, context } = s);
  page = s.page!;
});
afterEach(async ({ task }) => {
  await closeConsoleSession({ h, con, context, page }, task);
  context = undefined;
  con = undefined;
  h = undefined;
});

const harness = () => h!;
const flash = () => page.locator('main p.flash');
const statusBadge = () => page.locator('main > p .badge');
const statusOf = (ref: string) => query<{ status: string }>(harness(), 'SELECT status FROM registrations WHERE reference = ?', ref)[0]?.status;

describe('officer console in Chromium', () => {
  it('logs in through the form, finds a registration made through the bot, approves it, and the applicant is notified', async () => {
    const ref = await registerThroughBot(harness(), 'warga-1');
    await logIn(page, 'ana');
    // An admin without a second factor enrols first (test/browser/security.browser.test.ts has more).
    await enrolInBrowser(page);
    await page.getByRole('link', { name: 'Lanjut ke antrean' }).click();
    await page.waitForURL('**/queue');
    expect(new URL(page.url()).pathname).toBe('/queue');

    const row = page.locator('tbody tr', { has: page.getByRole('link', { name: ref, exact: true }) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Budi Santoso');
    expect(await row.innerText()).not.toContain(NIK_MALE); // masked in the queue

    await row.getByRole('link', { name: ref, exact: true }).click();
    await page.waitForURL(`**/registrations/${ref}`);
    expect(await statusBadge().innerText()).toBe('Terkirim');
    const before = outboxTextsFor(harness(), ref).length;

    await page.getByRole('button', { name: 'Setujui' }).click();
    // Nothing else waits: the notice (with its undo button) comes on the same page (test/browser/detail.browser.test.ts has more).
    await page.waitForURL(`**/registrations/${ref}?done=${ref}`);
    expect(await page.locator('main .notice p').first().innerText()).toBe(`${ref} (Budi Santoso): Disetujui.`);
    expect(await statusBadge().innerText()).toBe('Disetujui');

    expect(statusOf(ref)).toBe('approved');
    const added = outboxTextsFor(harness(), ref).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain('disetujui');
    expect(added[0]).toContain(ref);
  });

  it('requests a correction of the phone number; the bot asks for it and the answer puts the registration back in the queue', async () => {
    // The round trip without an undo window: news goes at once, and the person answers what they
    // were asked (detail.browser.test.ts and test/console/detail-speed.test.ts cover the window).
    await closeConsoleSession({ h, con, context, page });
    ({ h, con, context, page } = await openConsoleSession(browser(), { env: { DECISION_UNDO_SECONDS: '0' } }).then((s) => ({ ...s, page: s.page! })));
    const user = 'warga-2';
    const ref = await registerThroughBot(harness(), user);
    await logIn(page, 'budi');
    await page.goto(`/registrations/${ref}`);
    const before = outboxTextsFor(harness(), ref).length;

    const form = page.locator(`form[action="/registrations/${ref}/correction"]`);
    await page.locator('summary', { hasText: 'Minta perbaikan' }).click(); // the form opens in place
    await form.getByRole('checkbox', { name: 'No. HP' }).check();
    await form.getByRole('textbox').fill('Nomor ini tidak aktif, mohon kirim nomor lain.');
    await form.getByRole('button', { name: 'Kirim permintaan perbaikan' }).click();
    await page.waitForURL(`**/registrations/${ref}?done=${ref}`);
    expect(await page.locator('main .notice p').first().innerText()).toBe(`${ref} (Budi Santoso): Perlu perbaikan.`);
    expect(await statusBadge().innerText()).toBe('Perlu perbaikan');
    expect(await page.locator('main').innerText()).toContain('Perbaikan diminta untuk: No. HP');
    expect(statusOf(ref)).toBe('needs_correction');

    const asked = outboxTextsFor(harness(), ref).slice(before);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.join('\n')).toContain('Nomor ini tidak aktif');
    expect(asked.at(-1)).toContain('Nomor HP');

    await harness().say(user, '0813 1111 2222');
    await harness().say(user, '1');

    await page.reload();
    expect(await statusBadge().innerText()).toBe('Terkirim');
    expect(await page.locator('main ol').innerText()).toContain('diperbaiki');
    const phone = page.locator('dl.fields dt', { hasText: 'No. HP' }).locator('xpath=following-sibling::dd[1]');
    expect(await phone.innerText()).toBe('+6281311112222');
    expect(statusOf(ref)).toBe('submitted');
  });

  it('exports the queue as CSV through the link: a download with the NIK masked (no full-NIK permission), recorded in the audit log', async () => {
    const ref = await registerThroughBot(harness(), 'warga-3');
    await logIn(page, 'budi');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ekspor CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lindung-submitted-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await download.failure()).toBeNull();
    const text = readFileSync(await download.path(), 'utf8');

    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = text
      .slice(1)
      .split(/\r?\n/)
      .filter((l) => l !== '')
      .map(csvFields);
    expect(header!.slice(0, 5)).toEqual(['Kode', 'Status', 'Tanggal kirim', 'Nama lengkap', 'NIK']);
    expect(rows).toHaveLength(1);
    const col = (name: string) => rows[0]![header!.indexOf(name)];
    expect(col('Kode')).toBe(ref);
    expect(col('NIK')).toBe('6301********0003');
    expect(text).not.toContain(NIK_MALE);
    expect(col('Nama lengkap')).toBe('Budi Santoso');

    const audit = query<{ username: string; detail: string }>(
      harness(),
      "SELECT o.username, a.detail FROM audit_log a JOIN officers o ON o.id = a.officer_id WHERE a.action = 'export'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.username).toBe('budi');
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ format: 'csv', rows: 1 });
  });

  it('shows the dashboard as visible charts with the figures as text', async () => {
    await registerThroughBot(harness(), 'warga-4');
    await logIn(page, 'budi');
    await page.getByRole('link', { name: 'Dasbor' }).click();
    await page.waitForURL('**/dashboard');

    // Labels and figures are HTML text beside SVG bars (test/browser/dashboard.browser.test.ts measures them).
    // Statuses, kecamatan and weeks (no cadre has registered anyone: that card says so instead).
    const charts = page.locator('main .chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const chart of await charts.all()) {
      expect(await chart.isVisible()).toBe(true);
      expect((await chart.boundingBox())!.width).toBeGreaterThan(100);
    }

    const submitted = query<{ n: number }>(harness(), "SELECT count(*) AS n FROM registrations WHERE status = 'submitted'")[0]!.n;
    expect(submitted).toBe(1);
    const byStatus = page.getByRole('list', { name: 'Jumlah per status' });
    const bar = byStatus.locator('li', { has: page.locator('.chart-label', { hasText: /^Terkirim$/ }) });
    expect(await bar.locator('span').allTextContents()).toEqual(['Terkirim', String(submitted)]);
    expect(await bar.locator('svg.bar').isVisible()).toBe(true);
    const byArea = page.getByRole('list', { name: 'Pendaftaran per kecamatan' });
    expect(await byArea.locator('li', { hasText: 'Sukamaju Kota' }).locator('span').allTextContents()).toEqual(['Sukamaju Kota', '1']);
    // The figures are real text, drawn on the page (not only in the accessible description).
    expect(await page.locator('main').innerText()).toMatch(/Terkirim\s*1/);
  });

  it('refuses a wrong password, hides admin links from an officer, and the chat simulator answers "halo" with the menu', async () => {
    await page.goto('/login');
    await page.getByLabel('Nama pengguna').fill('budi');
    await page.getByLabel('Kata sandi').fill(`${PASSWORD}!`);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.locator('main p.flash.error').waitFor();
    expect(await flash().innerText()).toBe('Nama pengguna atau kata sandi salah.');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await context!.cookies()).map((c) => c.name)).not.toContain('lindung_session');

    await logIn(page, 'budi');
    expect(await page.locator('header a').allInnerTexts()).toEqual(['Antrean', 'Pertanyaan', 'Dasbor', 'Simulator chat']);
    expect(await page.getByRole('button', { name: 'Keluar (budi)' }).isVisible()).toBe(true);
    expect((await page.goto('/audit'))!.status()).toBe(403);

    await page.goto('/queue');
    await page.getByRole('link', { name: 'Simulator chat' }).click();
    await page.waitForURL('**/simulator');
    await page.getByRole('textbox', { name: 'Pesan' }).fill('halo');
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    const bot = page.locator('.bubble.bot');
    await bot.first().waitFor();
    expect(await page.locator('.bubble.me').allInnerTexts()).toEqual(['halo']);
    const said = (await bot.allInnerTexts()).join('\n');
    expect(said).toContain('Saya Lindung');
    expect(said).toContain('1. Manfaat program');
  });

  it('lays the queue out for a phone (390x844) and saves a screenshot', async () => {
    const ref = await registerThroughBot(harness(), 'warga-6');
    const phone = await browser().newContext({
      baseURL: con!.url,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'id-ID',
      timezoneId: 'Asia/Makassar',
    });
    try {
      phone.setDefaultTimeout(8_000);
      const p = await phone.newPage();
      await logIn(p, 'budi');
      const link = p.getByRole('link', { name: ref, exact: true });
      await link.waitFor();
      // Nothing wider than the screen outside the scrollable table wrapper.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(await p.locator('th.opt').first().isVisible()).toBe(false); // optional columns hidden on a phone
      mkdirSync(RESULTS, { recursive: true });
      await p.screenshot({ path: join(RESULTS, 'console-queue-mobile.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
