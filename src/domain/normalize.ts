// Text helpers shared by the matchers: people type in any case, with or without
// accents and punctuation, and with typos.

// Folds free text to a canonical form so comparisons ignore case, accents and punctuation.
export function normalizeText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Counts typos (insert, delete, substitute, swap of neighbours) so near-misses can still match.
// With `max`, stops early and returns max + 1 once the distance is known to exceed it.
export function editDistance(a: string, b: string, max?: number): number {
  // Code points, not UTF-16 units, so an emoji counts as one edit.
  const s = Array.from(a);
  const t = Array.from(b);
  const cap = max ?? Infinity;
  if (Math.abs(s.length - t.length) > cap) return cap + 1;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;

  // Three rolling rows: optimal string alignment needs the row two back for swaps.
  let prev2: number[] = new Array<number>(t.length + 1).fill(0);
  let prev: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(t.length + 1).fill(0);

  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Row minima never decrease (also with swaps), so the cap is safe to apply here.
    if (rowMin > cap) return cap + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  const d = prev[t.length]!;
  return d > cap ? cap + 1 : d;
}

/** Hides digit runs that could be a NIK or phone number ("6301…" → "[angka]"), for logs and stored free text. */
export function maskDigits(text: string): string {
  return text.replace(/\+?\d(?:[\s.-]?\d){5,}/g, '[angka]');
}
