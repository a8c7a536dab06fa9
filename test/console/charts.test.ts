// Components are called as functions: vitest only picks up .test.ts files, so no JSX here.
import { describe, expect, it } from 'vitest';
import { BarChart, ColumnChart, formatPercentShare, ProgressBar, weekLabel } from '../../src/console/charts.js';

/** Renders a hono/jsx node to its HTML text. */
async function render(node: unknown): Promise<string> {
  const resolved = await node;
  return String(await (resolved as { toString(): string | Promise<string> }).toString());
}

/** The width of each filled bar (the second rect of every svg.bar), in % of its box. */
const barWidths = (html: string): number[] =>
  [...html.matchAll(/<rect x="0" y="0" width="100" height="10" fill="#e5e7eb"><\/rect><rect x="0" y="0" width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('BarChart', () => {
  it('writes each label and number as HTML text, with a bar drawn beside it', async () => {
    const html = await render(
      BarChart({
        label: 'Per kecamatan',
        empty: 'Belum ada data.',
        items: [
          { label: 'Gunung Sari', value: 1234 },
          { label: 'Pantai Harapan', value: 56 },
          { label: 'Kosong', value: 0 },
        ],
      }),
    );
    expect(html).toMatch(/^<ul class="chart chart-bar" aria-label="Per kecamatan">/);
    // Text lives outside the SVG (so it never scales down with it), and the bars are hidden from screen readers.
    expect(html).toContain('<span class="chart-label">Gunung Sari</span><span class="chart-value">1.234</span>');
    expect(html).toContain('<span class="chart-value">56</span>');
    expect(html).toContain('<span class="chart-value">0</span>');
    expect(html).not.toMatch(/<text|<title/);
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('preserveAspectRatio="none"');
    // The largest value fills its bar, the others in proportion.
    const widths = barWidths(html);
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBe(100);
    expect(widths[1]).toBeCloseTo((56 / 1234) * 100, 0);
    expect(widths[2]).toBe(0);
  });

  it('scales against a given max', async () => {
    const html = await render(BarChart({ label: 't', empty: '-', max: 200, items: [{ label: 'a', value: 100 }] }));
    expect(barWidths(html)).toEqual([50]);
  });

  it('escapes labels', async () => {
    const html = await render(BarChart({ label: '<b>"judul"</b>', empty: '-', items: [{ label: '<script>alert(1)</script>', value: 3 }] }));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('aria-label="&lt;b&gt;&quot;judul&quot;&lt;/b&gt;"');
  });

  it('says so when there is nothing to show', async () => {
    const html = await render(BarChart({ label: 'Kosong', empty: 'Belum ada data.', items: [] }));
    expect(html).toBe('<p class="muted chart-empty">Belum ada data.</p>');
  });
});

describe('ProgressBar', () => {
  it('shows the figure it is given beside the label, and fills the bar in proportion', async () => {
    const html = await render(ProgressBar({ label: 'Perangkat desa', value: 450, max: 900, figure: '450 dari 900 (50%)' }));
    expect(html).toContain('<span class="chart-label">Perangkat desa</span><span class="chart-value">450 dari 900 (50%)</span>');
    expect(barWidths(html)).toEqual([50]);
    expect(html).toContain('#16a34a');
  });

  it('caps the bar above 100 % and marks it', async () => {
    const html = await render(ProgressBar({ label: 'Rentan', value: 16_500, max: 15_000, figure: 'x' }));
    expect(html).toMatch(/^<div class="progress over">/);
    expect(barWidths(html)).toEqual([100]);
    expect(html).toContain('#b91c1c');
  });

  it('draws no bar without a quota', async () => {
    for (const max of [null, 0]) {
      const html = await render(ProgressBar({ label: 'Mandiri', value: 7, max, figure: '7 (tanpa kuota)' }));
      expect(html).toContain('>7 (tanpa kuota)</span>');
      expect(html).not.toContain('<rect');
      expect(html).not.toContain('NaN');
    }
  });

  it('escapes the label', async () => {
    const html = await render(ProgressBar({ label: '<img src=x onerror=alert(1)>', value: 1, max: 2, figure: '' }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('ColumnChart', () => {
  it('draws a column per week with the count and the week as text', async () => {
    const items = [
      { label: weekLabel('2026-11-16'), value: 10 },
      { label: weekLabel('2026-11-23'), value: 0 },
      { label: weekLabel('2026-11-30'), value: 2500 },
    ];
    const html = await render(ColumnChart({ label: 'Per minggu', empty: '-', items }));
    expect(html).toMatch(/^<ol class="chart chart-column" aria-label="Per minggu">/);
    for (const t of ['>10</span>', '>0</span>', '>2.500</span>', '>16–22 Nov</span>', '>23–29 Nov</span>', '>30 Nov–6 Des</span>']) expect(html).toContain(t);
    const heights = [...html.matchAll(/<rect x="0" y="([\d.]+)" width="10" height="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(heights).toEqual([0.4, 0, 100]);
    expect(html).not.toContain('NaN');
  });

  it('escapes labels', async () => {
    const html = await render(ColumnChart({ label: 'x', empty: '-', items: [{ label: '"><script>x</script>', value: 1 }] }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('figures in words', () => {
  it('writes a week the Indonesian way, never as month-day', () => {
    expect(weekLabel('2026-11-02')).toBe('2–8 Nov');
    expect(weekLabel('2026-10-26')).toBe('26 Okt–1 Nov');
    expect(weekLabel('2026-12-28')).toBe('28 Des–3 Jan');
    expect(weekLabel('2024-02-26')).toBe('26 Feb–3 Mar'); // leap year: 29 Feb inside
    expect(weekLabel('2025-08-04')).toBe('4–10 Agu');
  });

  it('rounds shares for reading: whole percent from 10, one decimal below', () => {
    expect(formatPercentShare(88.34)).toBe('88');
    expect(formatPercentShare(100)).toBe('100');
    expect(formatPercentShare(2.54)).toBe('2,5');
    expect(formatPercentShare(0)).toBe('0');
    expect(formatPercentShare(0.04)).toBe('< 0,1');
    expect(formatPercentShare(Number.NaN)).toBe('0');
  });
});
