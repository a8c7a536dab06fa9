// The registration's page in a real browser at the size officers use (1366×768): the decision bar
// in view without scrolling (and while scrolling), a rejection that needs a reason and a
// confirmation, Undo, and the next registration, driven from the keyboard (/static/console.js).
// The undo window is set long (10 minutes) so that nothing here depends on how fast the machine is.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeConsoleSession, openConsoleSession, useChromium, logIn, query, type ServedConsole } from '../helpers/browser.js';
import { type Harness } from '../helpers/harness.js';
import { registrationScript } from '../helpers/registration.js';

const RESULTS = 'test-results';
const VIEWPORT = { width: 1366, height: 768 };

const browser = useChromium();
let h: Harness | undefined;
let con: ServedConsole | undefined;
let context: BrowserContext | undefined;
let page: Page;

beforeEach(async () => {
  const s = await openConsoleSession(browser(), { env: { DECISION_UNDO_SECONDS: '600' }, context: { viewport: VIEWPORT } });
  ({ h, con, context } = s);
  page = s.page!;
});
afterEach(async ({ task }) => {
  await closeConsoleSession({ h, con, context, page }, task, 'detail-');
  context = undefined;
  con = undefined;
  h = undefined;
});

/** A person registers themself through the bot with a NIK of their own (its serial); returns the reference. */
async function register(user: string, serial: number, name: string): Promise<string> {
  const nik = `63010117088${String(serial).padStart(5, '0')}`;
  let out: string[] = [];
  for (const text of registrationScript({ fullName: name, nik })) out = await h!.say(user, text);
  const ref = /LD-\w{5}/.exec(out.join('\n'))?.[0];
  if (!ref) throw new Error(`no reference:\n${out.join('\n')}`);
  return ref;
}

const statusOf = (ref: string) => query<{ status: string }>(h!, 'SELECT status FROM registrations WHERE reference = ?', ref)[0]?.status;
/** The registration's news waiting in the outbox. */
const newsOf = (ref: string) =>
  query<{ n: number }>(h!, 'SELECT count(*) AS n FROM outbox WHERE registration_id = (SELECT id FROM registrations WHERE reference = ?)', ref)[0]!.n;
const notice = () => page.locator('main section.notice');
const flash = () => page.locator('main p.flash');

/** The element is wholly inside the window, as it is now scrolled. */
async function inView(el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= VIEWPORT.height && box.x + box.width <= VIEWPORT.width;
}

describe('the registration page at 1366×768', () => {
  it('keeps approve, KPJ, correction, reject and next in view without scrolling, and while scrolling the page', async () => {
    const ref = await register('w1', 3, 'Budi Santoso');
    // A long history, so the page is taller than the window.
    const id = (await h!.runtime.app.registrations.idOf(ref))!;
    const applicant = (await h!.runtime.app.registrations.applicantOf(id))!;
    for (let i = 0; i < 25; i++) await h!.runtime.app.deliveryFailed({ registrationId: id, personId: applicant, channel: 'telegram', reason: 'blocked' });
    await logIn(page, 'budi');
    await page.goto(`/registrations/${ref}`);
    const bar = page.getByRole('region', { name: 'Keputusan' });
    const controls = [
      bar.getByRole('button', { name: 'Setujui' }),
      bar.getByRole('textbox', { name: 'Catat nomor KPJ (terdaftar)' }),
      bar.getByRole('button', { name: 'Simpan KPJ' }),
      bar.locator('summary', { hasText: 'Minta perbaikan' }),
      bar.locator('summary', { hasText: 'Tolak' }),
      bar.getByRole('link', { name: 'Berikutnya' }),
    ];
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const control of controls) expect({ control: await control.innerText().catch(() => 'KPJ'), inView: await inView(control) }).toMatchObject({ inView: true });

    const tall = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(tall).toBeGreaterThan(200);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 200);
    for (const control of controls) expect({ control: await control.innerText().catch(() => 'KPJ'), inView: await inView(control) }).toMatchObject({ inView: true });
    // Nothing runs off the side.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    mkdirSync(RESULTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(RESULTS, 'console-detail-1366.png') });
  });

  it('on a phone (390×844) puts the decisions right after the data, before the history, with nothing off the side', async () => {
    const ref = await register('w1', 3, 'Budi Santoso');
    const phone = await browser().newContext({ baseURL: con!.url, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'id-ID', timezoneId: 'Asia/Makassar' });
    try {
      phone.setDefaultTimeout(8_000);
      const p = await phone.newPage();
      await logIn(p, 'budi');
      await p.goto(`/registrations/${ref}`);
      const top = async (selector: string) => (await p.locator(selector).first().boundingBox())!.y;
      const data = await top('main .detail-main > section.card');
      const bar = await top('main .decide-bar');
      const history = await top('main ol.history');
      expect(data).toBeLessThan(bar);
      expect(bar).toBeLessThan(history);
      expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      mkdirSync(RESULTS, { recursive: true });
      await p.screenshot({ path: join(RESULTS, 'console-detail-mobile.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('refuses a rejection without a reason in Indonesian, and sends nothing before the confirmation', async () => {
    const ref = await register('w1', 3, 'Budi Santoso');
    await logIn(page, 'budi');
    await page.goto(`/registrations/${ref}`);
    const before = newsOf(ref);
    await page.locator('summary', { hasText: 'Tolak' }).click();
    const form = page.locator(`form[action="/registrations/${ref}/reject"]`);
    expect(await form.getByRole('combobox').inputValue()).toBe('');
    await form.getByRole('button', { name: 'Tolak…' }).click();
    // The browser did not stop the form with its own (English) message: the server answered.
    await page.waitForURL(`**/registrations/${ref}?err=reject_reason_required`);
    expect(await flash().innerText()).toBe('Pilih alasan penolakan: belum ada yang dikirim ke warga.');
    expect(statusOf(ref)).toBe('submitted');

    await page.locator('summary', { hasText: 'Tolak' }).click();
    await form.getByRole('combobox').selectOption({ label: 'Di luar wilayah kabupaten' });
    await form.getByRole('textbox').fill('Tinggal di kabupaten lain');
    await form.getByRole('button', { name: 'Tolak…' }).click();
    await page.getByRole('heading', { name: `Tolak ${ref}?` }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Tinggal di kabupaten lain');
    expect(statusOf(ref)).toBe('submitted');
    expect(newsOf(ref)).toBe(before);

    // Back without rejecting, then again, and this time yes.
    await page.getByRole('link', { name: 'Kembali tanpa menolak' }).click();
    await page.waitForURL(`**/registrations/${ref}`);
    expect(statusOf(ref)).toBe('submitted');
    await page.locator('summary', { hasText: 'Tolak' }).click();
    await form.getByRole('combobox').selectOption({ label: 'Di luar wilayah kabupaten' });
    await form.getByRole('button', { name: 'Tolak…' }).click();
    await page.getByRole('button', { name: 'Ya, tolak pendaftaran ini' }).click();
    await page.waitForURL(`**/registrations/${ref}?done=${ref}`);
    expect(statusOf(ref)).toBe('rejected');
    expect(await notice().locator('p').first().innerText()).toBe(`${ref} (Budi Santoso): Ditolak.`);
  });

  it('a bad KPJ gets the server\'s Indonesian message, not the browser\'s', async () => {
    const ref = await register('w1', 3, 'Budi Santoso');
    await logIn(page, 'budi');
    await page.goto(`/registrations/${ref}`);
    await page.getByRole('textbox', { name: 'Catat nomor KPJ (terdaftar)' }).fill('123');
    await page.getByRole('button', { name: 'Simpan KPJ' }).click();
    await page.waitForURL(`**/registrations/${ref}?err=kpj_invalid`);
    expect(await flash().innerText()).toBe('Nomor KPJ harus 11 angka.');
    expect(statusOf(ref)).toBe('submitted');
  });
});

describe('from the keyboard', () => {
  it('approves with S, lands on the next registration with the notice, and U undoes it before the person is told', async () => {
    const first = await register('w1', 3, 'Ani Lestari');
    const second = await register('w2', 11, 'Budi Santoso');
    await logIn(page, 'budi');
    await page.goto(`/registrations/${first}`);
    await page.keyboard.press('s');
    await page.waitForURL(`**/registrations/${second}?done=${first}`);
    expect(statusOf(first)).toBe('approved');
    expect(await notice().locator('p').first().innerText()).toBe(`${first} (Ani Lestari): Disetujui.`);
    expect(await notice().innerText()).toContain('sampai saat itu keputusan ini bisa dibatalkan');
    expect(newsOf(first)).toBe(1);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'console-detail-after-decision-1366.png') });

    await page.keyboard.press('u');
    await page.waitForURL(`**/registrations/${first}?ok=undone`);
    expect(await flash().innerText()).toBe('Keputusan dibatalkan sebelum warga diberi tahu; pendaftaran kembali seperti sebelumnya.');
    expect(statusOf(first)).toBe('submitted');
    expect(newsOf(first)).toBe(0);
    expect(await page.locator('main ol.history').innerText()).toContain('Petugas budi · keputusan dibatalkan sebelum warga diberi tahu → Terkirim');
  });

  it('N goes to the next registration waiting; letters typed in a field are text, not shortcuts', async () => {
    const first = await register('w1', 3, 'Ani Lestari');
    const second = await register('w2', 11, 'Budi Santoso');
    await logIn(page, 'budi');
    await page.goto(`/registrations/${second}`);
    // P puts the cursor in the KPJ field; what is typed there stays there.
    await page.keyboard.press('p');
    const kpj = page.getByRole('textbox', { name: 'Catat nomor KPJ (terdaftar)' });
    await expect.poll(() => kpj.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('snktu');
    expect(await kpj.inputValue()).toBe('snktu');
    expect(new URL(page.url()).pathname).toBe(`/registrations/${second}`);
    expect(statusOf(second)).toBe('submitted');

    // Esc leaves the field; then N is "next": the oldest other registration waiting.
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.waitForURL(`**/registrations/${first}`);
    // K opens the correction request with its first box focused; T the rejection with its reason.
    await page.keyboard.press('k');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('field');
    expect(await page.locator('details[data-key="k"]').getAttribute('open')).not.toBeNull();
    await page.keyboard.press('Escape');
    await page.keyboard.press('t');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).toBe('reason');
    expect(statusOf(first)).toBe('submitted');
  });
});
