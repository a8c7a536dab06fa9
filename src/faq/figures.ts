import { parseIncome } from '../domain/income.js';
import { FIGURE_HOMES } from './routes.js';

/** A number as the reader compares it: money in rupiah, a percentage, or a plain count (48 × wage, age 56). */
type FigureKey = `m:${number}` | `p:${number}` | `n:${number}`;

function keysOfFigure(text: string): FigureKey[] {
  const t = text.trim();
  const pct = /^(\d+(?:,\d+)?)%$/.exec(t);
  if (pct) return [`p:${Number(pct[1]!.replace(',', '.'))}`];
  if (/^\d+$/.test(t)) return [`n:${Number(t)}`];
  const money = /^Rp(\d[\d.,]*)(?:\s*(juta|million))?$/.exec(t);
  if (!money) return [];
  const value = money[2] ? Number(money[1]!.replace(/\./g, '').replace(',', '.')) * 1_000_000 : Number(money[1]!.replace(/\./g, ''));
  return Number.isFinite(value) ? [`m:${Math.round(value)}`] : [];
}

/** The numbers a message quotes: "42 juta", "16.800", "8400", "60%", "48 kali", "umur 56". */
function keysInMessage(text: string, counts: boolean): FigureKey[] {
  const keys: FigureKey[] = [];
  for (const m of text.matchAll(/(\d+(?:[.,]\d+)?)\s*(?:%|persen|percent)/gi)) keys.push(`p:${Number(m[1]!.replace(',', '.'))}`);
  for (const m of text.matchAll(/(?:rp\.?\s*)?\d[\d.,]*\s*(?:juta|jt|ribu|rb|rebu|k|million|thousand)?\b/gi)) {
    const token = m[0].trim();
    const money = parseIncome(token);
    if (money.ok && money.rupiah > 0) keys.push(`m:${money.rupiah}`);
    // Counts below 10 ("anak 2", "Budi 3") say nothing: only 12 months, 48 × wage, age 56 and the like.
    if (counts && /^\d{2,3}$/.test(token)) keys.push(`n:${Number(token)}`);
  }
  return keys;
}

/**
 * Finds the answers whose figures a message quotes. Built from the formatted figures of the rates
 * file (name → "Rp42 juta"), so it follows the data: change a rate and the reader follows.
 */
export function createFigureIndex(figures: Readonly<Record<string, string>>) {
  const homes = new Map<FigureKey, Set<string>>();
  for (const [name, text] of Object.entries(figures)) {
    const home = FIGURE_HOMES.find(([prefix]) => name.startsWith(prefix))?.[1];
    if (!home) continue;
    for (const key of keysOfFigure(text)) homes.set(key, new Set([...(homes.get(key) ?? []), home]));
  }
  return {
    /** The answers whose figures the message quotes (none when it quotes no figure of ours); `counts`: plain numbers too. */
    topicsIn(text: string, counts = true): Set<string> {
      const topics = new Set<string>();
      if (!/\d/.test(text)) return topics;
      for (const key of keysInMessage(text.slice(0, 300), counts)) for (const t of homes.get(key) ?? []) topics.add(t);
      return topics;
    },
  };
}
