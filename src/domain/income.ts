// Monthly income as typed in chat ("1,5 juta", "1.500rb", "Rp 1.500.000,-", "500k")
// into whole rupiah, plus the Indonesian number formats used when showing amounts.

export type IncomeError = 'income_format' | 'income_range';

/** The largest monthly income accepted; anything above is almost surely a typo. */
export const MAX_INCOME_RUPIAH = 1_000_000_000;

// Hedges and currency markers that carry no amount.
const NOISE: readonly RegExp[] = [
  /±|\+\/-/g,
  /\b(?:sekitar|sktr|kira[\s-]*kira|kira2|kurang\s+lebih|kurleb|kisaran|rata[\s-]*rata|rata2)\b/g,
  /\b(?:per\s*bulan|perbulan|sebulan|tiap\s+bulan|a\s+month|per\s+month)\b|\/\s*(?:bulan|bln|month)\b/g,
  /\b(?:rp|idr|rupiah)\b\.?|(?<=^|\s)rp\.?(?=\d)/g,
];

const UNIT_MULTIPLIER: Record<string, number> = {
  juta: 1_000_000,
  jt: 1_000_000,
  jta: 1_000_000,
  ribu: 1_000,
  rb: 1_000,
  rbu: 1_000,
  rebu: 1_000,
  k: 1_000,
  // English, for people chatting in English.
  million: 1_000_000,
  thousand: 1_000,
};

// Splits "1.500.000,50" into integer and fraction digits; undefined when the separators
// do not form a readable number. A 3-digit tail is a thousands group, 1-2 digits a decimal.
function parseAmount(num: string): { int: string; frac: string } | undefined {
  const seps = [...num.matchAll(/[.,]/g)];
  if (seps.length === 0) return { int: num, frac: '' };

  const last = seps[seps.length - 1]!;
  const tail = num.slice(last.index + 1);
  let intPart = num;
  let frac = '';
  if (/^\d{1,2}$/.test(tail)) {
    // Decimal part: "1,5 juta", or cents after a grouped amount ("1.500.000,00").
    intPart = num.slice(0, last.index);
    frac = tail;
    if (intPart.includes(last[0])) return undefined; // "1.500.5": same char cannot be both
  } else if (!/^\d{3}$/.test(tail)) {
    return undefined;
  }

  // What remains must be thousands groups with one separator character: 1.500.000
  const groups = intPart.split(/[.,]/);
  if (groups.length > 1) {
    const sepChars = new Set(intPart.replace(/\d/g, ''));
    if (sepChars.size !== 1) return undefined;
    if (!/^\d{1,3}$/.test(groups[0]!)) return undefined;
    if (!groups.slice(1).every((g) => /^\d{3}$/.test(g))) return undefined;
  }
  return { int: groups.join(''), frac };
}

/**
 * The value of a digit string with Indonesian or English separators ("1.500.000", "1,5",
 * "1,500,000.00"), or undefined when the separators do not form a readable number.
 * Shared with the word reader in income-words.ts so both read digits the same way.
 */
export function parseDigitGroups(num: string): number | undefined {
  if (!/^\d[\d.,]*$/.test(num)) return undefined;
  const amount = parseAmount(num);
  return amount ? Number(`${amount.int}.${amount.frac || '0'}`) : undefined;
}

// Drops trailing spaces and ".,!?-". A loop, not /[\s.,!?-]+$/: that regex retries from every
// position of a long run of such characters (quadratic time on a long message).
function trimTrailingPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && /[\s.,!?-]/.test(s[end - 1]!)) end--;
  return s.slice(0, end);
}

// Reads an informal monthly income into whole rupiah, or an error code to ask again.
export function parseIncome(input: string): { ok: true; rupiah: number } | { ok: false; error: IncomeError } {
  let s = input.toLowerCase();
  for (const re of NOISE) s = s.replace(re, ' ');
  // Trailing ",-" / ".-" (price style) and sentence punctuation.
  s = trimTrailingPunctuation(s.replace(/\s+/g, ' ').trim());

  const m = /^(\d[\d.,]*)\s*([a-z]*)$/.exec(s);
  if (!m) return { ok: false, error: 'income_format' };
  const num = m[1]!;
  const unitRaw = m[2]!;

  let multiplier = 1;
  if (unitRaw !== '') {
    // "jutaan", "ribuan": the -an suffix only softens the amount.
    const unit = UNIT_MULTIPLIER[unitRaw] !== undefined ? unitRaw : unitRaw.replace(/an$/, '');
    const mult = UNIT_MULTIPLIER[unit];
    if (mult === undefined) return { ok: false, error: 'income_format' };
    multiplier = mult;
  }

  const digits = parseDigitGroups(num);
  if (digits === undefined) return { ok: false, error: 'income_format' };
  const value = digits * multiplier;
  if (!Number.isFinite(value)) return { ok: false, error: 'income_range' };
  const rupiah = Math.round(value);

  // A bare small number ("5", "500") is almost surely a missing "juta"/"ribu": ask again.
  if (unitRaw === '' && value > 0 && value < 1000) return { ok: false, error: 'income_format' };
  if (rupiah > MAX_INCOME_RUPIAH) return { ok: false, error: 'income_range' };
  return { ok: true, rupiah };
}

// Groups digits with dots, Indonesian style.
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

// Shows an amount the way Indonesians write it: Rp1.500.000.
export function formatRupiah(n: number): string {
  const r = Math.round(n);
  return `${r < 0 ? '-' : ''}Rp${groupThousands(Math.abs(r))}`;
}

// Shows a contribution rate with a decimal comma: 1,74%.
export function formatPercent(p: number): string {
  const fixed = (Math.round(p * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${fixed.replace('.', ',')}%`;
}
