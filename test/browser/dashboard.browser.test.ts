// The dashboard in a real browser at the head of office's screen size (issue 14, item 3): every word
// and figure of the charts renders at 12 px or more (it was 6–7 px when the labels were SVG text
// scaled down with their chart), week labels stay apart, and the monthly report prints without the
// console's navigation.
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeConsoleSession, openConsoleSession, useChromium, logIn, type ServedConsole } from '../helpers/browser.js';
import { type Harness } from '../helpers/harness.js';
import { seedRegistrations } from '../helpers/seed.js';


const browser = useChromium();
let h: Harness | undefined;
let con: ServedConsole | undefined;
let context: BrowserContext | undefined;
let page: Page;

beforeEach(async () => {
  const s = await openConsoleSession(browser(), { context: { viewport: { width: 1366, height: 768 } } });
  ({ h, con, context } = s);
  page = s.page!;
  // Twelve weeks of registrations in every status, some from cadres, so every chart has bars.
  await seedRegistrations(h!, 300, { now: Date.now(), spanDays: 84, cadres: 4, cipher: h!.runtime.store.cipher });
});
afterEach(async ({ task }) => {
  await closeConsoleSession({ h, con, context, page }, task);
  context = undefined;
  con = undefined;
  h = undefined;
});

/**
 * The size every piece of text inside the charts is drawn at, in CSS pixels on the screen: the
 * computed font size, times the scale of the SVG it sits in (if any: SVG text shrinks with a
 * viewBox drawn narrower than its width), times any CSS transform on the way up.
 */
function renderedTextSizes(p: Page): Promise<{ text: string; px: number }[]> {
  return p.evaluate(() => {
    const out: { text: string; px: number }[] = [];
    const roots = document.querySelectorAll('main .chart, main .progress, main .stats, main .headline');
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const el = node.parentElement;
        if (!text || !el || el.getClientRects().length === 0) continue;
        let px = parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGGraphicsElement) px *= Math.abs(el.getScreenCTM()?.a ?? 1);
        for (let up: Element | null = el; up; up = up.parentElement) {
          const tf = getComputedStyle(up).transform;
          if (tf && tf !== 'none') px *= new DOMMatrixReadOnly(tf).a;
        }
        out.push({ text, px });
      }
    }
    return out;
  });
}

describe('the dashboard at 1366×768', () => {
  it('draws every chart word and figure at 12 px or more, with the week labels apart', async () => {
    await logIn(page, 'budi');
    await page.goto('/dashboard');
    expect(page.viewportSize()).toEqual({ width: 1366, height: 768 });

    const sizes = await renderedTextSizes(page);
    // Enough text measured to mean something: twelve weeks with their counts, statuses, areas, groups.
    expect(sizes.length).toBeGreaterThan(60);
    const small = sizes.filter((s) => s.px < 12);
    expect(small, JSON.stringify(small.slice(0, 5))).toEqual([]);
    // No label is SVG text any more.
    expect(await page.locator('main svg text').count()).toBe(0);

    // Twelve week labels written the Indonesian way ("16–22 Nov"), none overlapping its neighbour.
    const weeks = page.getByRole('list', { name: 'Pendaftaran per minggu' }).locator('.chart-label');
    expect(await weeks.count()).toBe(12);
    const labels = await weeks.allInnerTexts();
    for (const l of labels) expect(l).toMatch(/^\d{1,2}( [A-Z][a-z]{2})?–\d{1,2} [A-Z][a-z]{2}$/);
    const boxes = await Promise.all((await weeks.all()).map((w) => w.boundingBox()));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x, labels[i]).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width);
    // The whole weekly chart fits the screen's width (no sideways scrolling on a laptop).
    const chart = await page.getByRole('list', { name: 'Pendaftaran per minggu' }).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(chart.scroll).toBeLessThanOrEqual(chart.client);
  });

  it('prints the monthly report without the navigation or the month form', async () => {
    await logIn(page, 'budi');
    await page.goto('/dashboard');
    await page.getByRole('link', { name: 'Laporan bulanan (untuk dicetak)' }).click();
    await page.waitForURL('**/dashboard/report?month=*');
    expect(await page.locator('header').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible(), 'header').toBe(false);
    expect(await page.locator('form.no-print').isVisible(), 'month form').toBe(false);
    expect(await page.getByRole('heading', { name: 'Keputusan petugas bulan ini' }).isVisible()).toBe(true);
    const sizes = await renderedTextSizes(page);
    expect(sizes.filter((s) => s.px < 12)).toEqual([]);
  });
});
