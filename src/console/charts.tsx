/** @jsxImportSource hono/jsx */
// Small charts rendered on the server: no script, no library. Every word and number is HTML text
// at the page's own font size (never inside a scaled SVG, where a 12-unit label shrank to 6 px
// in a narrow card); only the bars are SVG, stretched to their box (preserveAspectRatio="none")
// and hidden from screen readers, which read the text beside them. The CSP forbids inline
// styles, so sizes come from the stylesheet and the bar lengths from SVG attributes.
import type { Child } from 'hono/jsx';

export interface ChartItem {
  label: string;
  value: number;
}

const numberFormat = new Intl.NumberFormat('id-ID');
/** Figures as the officers read them: 12.345 */
export const formatNumber = (n: number): string => numberFormat.format(n);

const percentFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
/** A share as officers read it: whole percent from 10 up ("88"), one decimal below ("2,5"), never "0" for a little. */
export function formatPercentShare(percent: number): string {
  if (!Number.isFinite(percent)) return '0';
  if (percent > 0 && percent < 0.1) return '< 0,1';
  return percent >= 10 ? numberFormat.format(Math.round(percent)) : percentFormat.format(percent);
}

const monthShort = new Intl.DateTimeFormat('id-ID', { month: 'short', timeZone: 'UTC' });
const dayMonth = (iso: string): { day: number; month: string } => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { day: d, month: monthShort.format(Date.UTC(y, m - 1, d)) };
};

/**
 * A week (its Monday, yyyy-mm-dd) the Indonesian way: "3–9 Nov", or "27 Okt–2 Nov" across a
 * month, never a month-day "11-03" that reads as 11 March.
 */
export function weekLabel(monday: string): string {
  const [y, m, d] = monday.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1, d + 6)).toISOString().slice(0, 10);
  const a = dayMonth(monday);
  const b = dayMonth(end);
  return a.month === b.month ? `${a.day}–${b.day} ${b.month}` : `${a.day} ${a.month}–${b.day} ${b.month}`;
}

const BAR_COLOUR = '#2563eb';
const TRACK_COLOUR = '#e5e7eb';
const OVER_COLOUR = '#b91c1c';
const DONE_COLOUR = '#16a34a';

const safe = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

/** A horizontal bar, `fraction` (0..1) of its box filled. */
function Bar(props: { fraction: number; colour?: string }) {
  const w = Math.min(100, Math.max(0, props.fraction * 100));
  return (
    <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="100" height="10" fill={TRACK_COLOUR} />
      <rect x="0" y="0" width={w.toFixed(1)} height="10" fill={props.colour ?? BAR_COLOUR} />
    </svg>
  );
}

/** The list every item chart shares: labelled for screen readers, with a word when it is empty. */
function ChartList(props: { kind: string; label: string; empty: string; count: number; children?: Child }) {
  if (props.count === 0) return <p class="muted chart-empty">{props.empty}</p>;
  return (
    <ul class={`chart chart-${props.kind}`} aria-label={props.label}>
      {props.children}
    </ul>
  );
}

/**
 * Horizontal bars, one per item: the label and the number on a line of text, the bar below.
 * `label` names the chart for screen readers (the card's heading shows it to everyone else).
 */
export function BarChart(props: { items: readonly ChartItem[]; label: string; empty: string; max?: number }) {
  const { items } = props;
  const max = Math.max(safe(props.max ?? 0), ...items.map((i) => safe(i.value)), 1);
  return (
    <ChartList kind="bar" label={props.label} empty={props.empty} count={items.length}>
      {items.map((item) => (
        <li>
          <span class="chart-label">{item.label}</span>
          <span class="chart-value">{formatNumber(item.value)}</span>
          <Bar fraction={safe(item.value) / max} />
        </li>
      ))}
    </ChartList>
  );
}

/**
 * How much of a quota is used: the label, then `figure` (the caller's words, e.g. "450 dari 900
 * (50%)", or only the number without a quota), then the bar. Above 100 % the bar is full and
 * drawn in the warning colour.
 */
export function ProgressBar(props: { label: string; value: number; max: number | null; figure: string }) {
  const max = props.max !== null && props.max > 0 ? props.max : null;
  const fraction = max === null ? 0 : safe(props.value) / max;
  const over = fraction > 1;
  return (
    <div class={over ? 'progress over' : 'progress'}>
      <span class="chart-label">{props.label}</span>
      <span class="chart-value">{props.figure}</span>
      {max !== null ? <Bar fraction={fraction} colour={over ? OVER_COLOUR : DONE_COLOUR} /> : null}
    </div>
  );
}

/**
 * Vertical columns (submissions per week): the number above each, the label below, oldest first.
 * The columns keep a readable width; on a narrow screen the row scrolls sideways.
 */
export function ColumnChart(props: { items: readonly ChartItem[]; label: string; empty: string }) {
  const { items } = props;
  const max = Math.max(...items.map((i) => safe(i.value)), 1);
  if (items.length === 0) return <p class="muted chart-empty">{props.empty}</p>;
  return (
    <ol class="chart chart-column" aria-label={props.label}>
      {items.map((item) => {
        const h = (safe(item.value) / max) * 100;
        return (
          <li>
            <span class="chart-value">{formatNumber(item.value)}</span>
            <svg class="column" viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect x="0" y={(100 - h).toFixed(1)} width="10" height={h.toFixed(1)} fill={BAR_COLOUR} />
            </svg>
            <span class="chart-label">{item.label}</span>
          </li>
        );
      })}
    </ol>
  );
}
