// Console security in a real browser (headless Chromium against the console over HTTP): an admin
// enrols a second factor with the QR page and logs in with the code; a NIK search stays out of the
// address bar; a full-NIK export asks for the password again and downloads.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeConsoleSession, openConsoleSession, useChromium, csvFields, logIn, query, registerThroughBot, type ServedConsole } from '../helpers/browser.js';
import { PASSWORD } from '../helpers/console.js';
import { NIK_MALE, type Harness } from '../helpers/harness.js';
import { codeAt } from '../console/second-factor-helpers.js';
import { enrolInBrowser } from './enrol.js';

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
afterEach(async () => {
  await closeConsoleSession({ h, con, context, page });
  context = undefined;
  con = undefined;
  h = undefined;
});

describe('console security in Chromium', () => {
  it('an admin enrols a second factor from the QR page at first login, then logs in with the code', async () => {
    await logIn(page, 'ana');
    expect(new URL(page.url()).pathname).toBe('/account/2fa');
    const qr = page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' });
    expect(await qr.locator('svg').isVisible()).toBe(true);
    expect((await qr.locator('svg').boundingBox())!.width).toBeGreaterThan(150);
    // Nothing else opens before enrolment.
    await page.goto('/queue');
    expect(new URL(page.url()).pathname).toBe('/account/2fa');
    const { secret, recoveryCodes } = await enrolInBrowser(page);
    expect(recoveryCodes).toHaveLength(10);
    await page.getByRole('link', { name: 'Lanjut ke antrean' }).click();
    await page.waitForURL('**/queue');

    await page.getByRole('button', { name: 'Keluar (ana)' }).click();
    await page.waitForURL('**/login');
    await page.getByLabel('Nama pengguna').fill('ana');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL('**/login/verify**');
    // The enrolment used this time step's code; the next step's is within the allowed drift.
    await page.getByLabel('Kode').fill(codeAt(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Lanjut', exact: true }).click();
    await page.waitForURL('**/queue');
    expect(await page.getByRole('link', { name: 'Audit' }).isVisible()).toBe(true);
  });

  it('a NIK typed in the search box finds the registration without ever appearing in the address bar', async () => {
    const ref = await registerThroughBot(h!, 'warga-s');
    await logIn(page, 'budi');
    await page.getByRole('textbox', { name: 'Cari' }).fill(NIK_MALE);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByText('Pencarian NIK: tidak masuk ke alamat halaman').waitFor();
    expect(page.url()).not.toContain('6301');
    expect(await page.getByRole('link', { name: ref, exact: true }).isVisible()).toBe(true);
    const recorded = query<{ detail: string }>(h!, "SELECT detail FROM audit_log WHERE action = 'search_nik'");
    expect(recorded).toEqual([{ detail: '{"results":1}' }]);
    // A name search still lands on an ordinary address.
    await page.getByRole('textbox', { name: 'Cari' }).fill('Budi');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/\/queue\?q=Budi/);
  });

  it('an officer allowed the full export gives the password again and downloads the full NIK; the audit lists the registrations', async () => {
    const ref = await registerThroughBot(h!, 'warga-e');
    await h!.runtime.store.officers.setExportNik((await h!.runtime.store.officers.byUsername('budi'))!.id, true);
    await logIn(page, 'budi');
    await page.getByRole('link', { name: 'Ekspor dengan NIK lengkap…' }).click();
    await page.waitForURL('**/export/full**');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lindung-submitted-\d{4}-\d{2}-\d{2}-nik\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    const [header, ...rows] = text.slice(1).split(/\r?\n/).filter(Boolean).map(csvFields);
    expect(rows[0]![header!.indexOf('NIK')]).toBe(NIK_MALE);
    const [entry] = query<{ id: number; detail: string }>(h!, "SELECT id, detail FROM audit_log WHERE action = 'export'");
    expect(JSON.parse(entry!.detail)).toMatchObject({ nik: 'full', rows: 1, reauthenticated: 'password' });
    const held = query<{ reference: string }>(h!, 'SELECT r.reference FROM audit_export_rows e JOIN registrations r ON r.id = e.registration_id WHERE e.audit_id = ?', entry!.id);
    expect(held).toEqual([{ reference: ref }]);
  });
});
