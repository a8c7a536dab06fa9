// Components are called as functions: vitest only picks up .test.ts files, so no JSX here.
import { describe, expect, it } from 'vitest';
import { BarChart, ColumnChart, ProgressBar } from '../../src/console/charts.js';

/** Renders a hono/jsx node to its HTML text. */
async function render(node: unknown): Promise<string> {
  const resolved = await node;
  return String(await (resolved as { toString(): string | Promise<string> }).toString());
}

describe('BarChart', () => {
  it('draws one labelled bar per item with the number beside it', async () => {
    const html = await render(
      BarChart({
        title: 'Per kecamatan',
        items: [
          { label: 'Gunung Sari', value: 1234 },
          { label: 'Pantai Harapan', value: 56 },
          { label: 'Kosong', value: 0 },
        ],
      }),
    );
    expect(html).toMatch(/^<svg[^>]* role="img"/);
    expect(html).toContain('<title>Per kecamatan</title>');
    expect(html).toContain('viewBox="0 0 400 ');
    expect(html).toContain('width="100%"');
    expect(html).toContain('>1.234</text>');
    expect(html).toContain('>56</text>');
    expect(html).toContain('>0</text>');
    expect(html).toContain('>Gunung Sari</text>');
    expect(html).toContain('Gunung Sari: 1.234; Pantai Harapan: 56; Kosong: 0');
    // The largest value spans the whole bar area, the others in proportion.
    const widths = [...html.matchAll(/<rect x="0" y="[\d.]+" width="([\d.]+)" height="12" rx="2" fill="#2563eb"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBeCloseTo(336, 0);
    expect(widths[1]).toBeCloseTo((56 / 1234) * 336, 0);
    expect(widths[2]).toBe(0);
  });

  it('scales against a given max', async () => {
    const html = await render(BarChart({ title: 't', max: 200, items: [{ label: 'a', value: 100 }] }));
    expect(html).toContain('width="168.0" height="12" rx="2" fill="#2563eb"');
  });

  it('escapes labels and titles', async () => {
    const html = await render(
      BarChart({ title: '<b>"judul"</b>', items: [{ label: '<script>alert(1)</script>', value: 3 }] }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('aria-label="&lt;b&gt;&quot;judul&quot;&lt;/b&gt;"');
  });

  it('renders with no items', async () => {
    const html = await render(BarChart({ title: 'Kosong', items: [] }));
    expect(html).toContain('<title>Kosong</title>');
    expect(html).not.toContain('NaN');
  });
});

describe('ProgressBar', () => {
  it('shows the value against the quota with a percentage', async () => {
    const html = await render(ProgressBar({ label: 'Perangkat desa', value: 450, max: 900 }));
    expect(html).toContain('role="img"');
    expect(html).toContain('<title>Perangkat desa: 450 / 900 (50%)</title>');
    expect(html).toContain('>450 / 900 (50%)</text>');
    expect(html).toContain('width="200.0"');
  });

  it('formats large numbers and caps the bar above 100 %', async () => {
    const html = await render(ProgressBar({ label: 'Rentan', value: 16_500, max: 15_000 }));
    expect(html).toContain('16.500 / 15.000 (110%)');
    expect(html).toContain('width="400.0"');
    expect(html).toContain('#b91c1c');
  });

  it('shows only the number without a quota', async () => {
    for (const max of [null, 0]) {
      const html = await render(ProgressBar({ label: 'Mandiri', value: 7, max }));
      expect(html).toContain('>7</text>');
      expect(html).not.toContain('%)');
      expect(html).not.toContain('<rect');
      expect(html).not.toContain('NaN');
    }
  });

  it('escapes the label', async () => {
    const html = await render(ProgressBar({ label: '<img src=x onerror=alert(1)>', value: 1, max: 2 }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('ColumnChart', () => {
  it('draws a column per week with the count above and a short date below', async () => {
    const items = [
      { label: '2026-11-16', value: 10 },
      { label: '2026-11-23', value: 0 },
      { label: '2026-11-30', value: 2500 },
    ];
    const html = await render(ColumnChart({ title: 'Per minggu', items }));
    expect(html).toContain('<title>Per minggu</title>');
    expect(html).toContain('role="img"');
    for (const t of ['>10</text>', '>0</text>', '>2.500</text>', '>16/11</text>', '>23/11</text>', '>30/11</text>']) expect(html).toContain(t);
    expect(html).toContain('2026-11-30: 2.500');
    expect(html).not.toContain('NaN');
  });

  it('escapes labels', async () => {
    const html = await render(ColumnChart({ title: 'x', items: [{ label: '"><script>x</script>', value: 1 }] }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
