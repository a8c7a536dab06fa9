/** @jsxImportSource hono/jsx */
// Small SVG charts rendered on the server: no script, no library. Every text goes through JSX,
// so labels are escaped. Each chart scales to its container (viewBox, width 100%) and has
// role="img" with a <title> and a <desc> listing the figures for screen readers.
import type { Child } from 'hono/jsx';

export interface ChartItem {
  label: string;
  value: number;
}

const numberFormat = new Intl.NumberFormat('id-ID');
/** Figures as the officers read them: 12.345 */
export const formatNumber = (n: number): string => numberFormat.format(n);

const BAR_COLOUR = '#2563eb';
const TRACK_COLOUR = '#e5e7eb';
const TEXT_COLOUR = '#111827';
const MUTED_COLOUR = '#4b5563';
const FONT = 'system-ui, sans-serif';

const safe = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

const describe = (items: readonly ChartItem[]): string =>
  items.map((i) => `${i.label}: ${formatNumber(i.value)}`).join('; ');

/** The frame every item chart shares: scalable svg, accessible title and description, a heading. */
function ChartFrame(props: { kind: string; title: string; items: readonly ChartItem[]; width: number; height: number; children?: Child }) {
  const { kind, title, items, width, height } = props;
  return (
    <svg
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      class={`chart chart-${kind}`}
      font-family={FONT}
    >
      <title>{title}</title>
      <desc>{describe(items)}</desc>
      <text x="0" y="15" font-size="14" font-weight="bold" fill={TEXT_COLOUR}>
        {title}
      </text>
      {props.children}
    </svg>
  );
}

/** Horizontal bars, one per item: the label above its bar and the number beside it. */
export function BarChart(props: { items: readonly ChartItem[]; title: string; max?: number }) {
  const { items, title } = props;
  const width = 400;
  const valueSpace = 64; // room for the number after the longest bar
  const row = 34;
  const top = 24;
  const height = top + Math.max(1, items.length) * row + 4;
  const max = Math.max(safe(props.max ?? 0), ...items.map((i) => safe(i.value)), 1);
  const barMax = width - valueSpace;
  return (
    <ChartFrame kind="bar" title={title} items={items} width={width} height={height}>
      {items.map((item, i) => {
        const y = top + i * row;
        const w = Math.max(safe(item.value) > 0 ? 2 : 0, (safe(item.value) / max) * barMax);
        return (
          <g>
            <text x="0" y={y + 11} font-size="12" fill={MUTED_COLOUR}>
              {item.label}
            </text>
            <rect x="0" y={y + 15} width={barMax} height="12" rx="2" fill={TRACK_COLOUR} />
            <rect x="0" y={y + 15} width={w.toFixed(1)} height="12" rx="2" fill={BAR_COLOUR} />
            <text x={(w + 6).toFixed(1)} y={y + 25} font-size="12" fill={TEXT_COLOUR}>
              {formatNumber(item.value)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

/**
 * How much of a quota is used: "label  value / max (pct %)". Without a positive max (no quota),
 * only the value is shown. Above 100 % the bar is full and drawn in the warning colour.
 */
export function ProgressBar(props: { value: number; max: number | null; label: string }) {
  const { value, label } = props;
  const max = props.max !== null && props.max > 0 ? props.max : null;
  const width = 400;
  const pct = max !== null ? (safe(value) / max) * 100 : null;
  const fill = pct === null ? 0 : Math.min(100, pct);
  const over = pct !== null && pct > 100;
  const figure =
    max !== null ? `${formatNumber(value)} / ${formatNumber(max)} (${formatNumber(Math.round(pct! * 10) / 10)}%)` : formatNumber(value);
  return (
    <svg
      role="img"
      aria-label={`${label}: ${figure}`}
      viewBox={`0 0 ${width} 36`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      class="chart chart-progress"
      font-family={FONT}
    >
      <title>{`${label}: ${figure}`}</title>
      <text x="0" y="13" font-size="12" fill={TEXT_COLOUR}>
        {label}
      </text>
      <text x={width} y="13" font-size="12" text-anchor="end" fill={over ? '#b91c1c' : MUTED_COLOUR}>
        {figure}
      </text>
      {max !== null ? (
        <g>
          <rect x="0" y="20" width={width} height="12" rx="3" fill={TRACK_COLOUR} />
          <rect x="0" y="20" width={((fill / 100) * width).toFixed(1)} height="12" rx="3" fill={over ? '#b91c1c' : '#16a34a'} />
        </g>
      ) : null}
    </svg>
  );
}

/** A yyyy-mm-dd label shortened to dd/mm, so twelve weeks fit under the columns on a phone. */
const shortLabel = (label: string): string => {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(label);
  return m ? `${m[2]}/${m[1]}` : label;
};

/** Vertical columns (e.g. submissions per week), the number above each and the label below. */
export function ColumnChart(props: { items: readonly ChartItem[]; title: string }) {
  const { items, title } = props;
  const width = 400;
  const top = 24 + 14; // title, then room for the numbers
  const plot = 120;
  const bottom = 18;
  const height = top + plot + bottom;
  const n = Math.max(1, items.length);
  const slot = width / n;
  const barWidth = Math.max(2, slot * 0.7);
  const max = Math.max(...items.map((i) => safe(i.value)), 1);
  const fontSize = Math.min(11, Math.max(7, slot / 3.4));
  return (
    <ChartFrame kind="column" title={title} items={items} width={width} height={height}>
      <line x1="0" y1={top + plot} x2={width} y2={top + plot} stroke={TRACK_COLOUR} />
      {items.map((item, i) => {
        const h = (safe(item.value) / max) * plot;
        const cx = slot * i + slot / 2;
        return (
          <g>
            <rect x={(cx - barWidth / 2).toFixed(1)} y={(top + plot - h).toFixed(1)} width={barWidth.toFixed(1)} height={h.toFixed(1)} rx="2" fill={BAR_COLOUR} />
            <text x={cx.toFixed(1)} y={(top + plot - h - 3).toFixed(1)} font-size={fontSize.toFixed(1)} text-anchor="middle" fill={TEXT_COLOUR}>
              {formatNumber(item.value)}
            </text>
            <text x={cx.toFixed(1)} y={top + plot + 13} font-size={fontSize.toFixed(1)} text-anchor="middle" fill={MUTED_COLOUR}>
              {shortLabel(item.label)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
