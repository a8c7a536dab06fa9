// Reads a monthly income the way people say it in chat: words ("satu setengah juta",
// "sejuta lima ratus"), informal units ("2jtan", "500k"), a period other than the month
// ("sehari 100rb"), a range ("2-3 juta"), or "I don't know" / "no income".
//
// Pure string work in linear time: a few bounded regular expressions turn the message into
// space-separated words, known phrases become markers, and a small hand-written parser reads
// the number words. Everything `parseIncome` accepts reads the same here (it is tried first).

import { MAX_INCOME_RUPIAH, parseDigitGroups, parseIncome } from './income.js';

/** What a typed income means. All amounts are whole rupiah per MONTH unless stated. */
export type IncomeReading =
  /** A plain monthly amount: "1,5 juta", "sejuta", "satu setengah juta", "2 jutaan", "3 juta lebih", "±2jt". */
  | { kind: 'amount'; rupiah: number }
  /**
   * An amount per day, week or year, converted to a month: `amount` is what was typed (per `per`),
   * `rupiah` = round(amount × factor). "sehari 100rb" → amount 100000, factor 26, rupiah 2600000.
   */
  | { kind: 'converted'; rupiah: number; per: 'day' | 'week' | 'year'; amount: number; factor: number }
  /**
   * A range: `low`/`high` per month, `rupiah` their midpoint rounded to Rp1.000 (kept inside the range).
   * A range per day, week or year ("sehari 50-100rb") also carries `per`, `factor` and the typed ends.
   */
  | {
      kind: 'range';
      low: number;
      high: number;
      rupiah: number;
      per?: 'day' | 'week' | 'year';
      factor?: number;
      amountLow?: number;
      amountHigh?: number;
    }
  /** The person does not know or says it varies: "ga tentu", "gak tau", "tergantung", "not sure". */
  | { kind: 'unknown' }
  /** No income at all: "ga ada", "tidak ada", "belum kerja", "nol", "0". */
  | { kind: 'none' }
  | { kind: 'error'; error: 'income_format' | 'income_range' };

/**
 * Months have about 26 working days (six days a week) and 4 weeks: these are the stated
 * assumptions the bot shows ("Rp100.000 × 26 hari") for the person to confirm or correct,
 * not a rule from BPJS. A year is 12 months.
 */
export const INCOME_PERIOD_FACTORS = { day: 26, week: 4, year: 1 / 12 } as const;

type Per = keyof typeof INCOME_PERIOD_FACTORS;
type Period = Per | 'month';
type Failure = 'income_format' | 'income_range';

const FORMAT = { kind: 'error', error: 'income_format' } as const satisfies IncomeReading;
const RANGE = { kind: 'error', error: 'income_range' } as const satisfies IncomeReading;
const UNKNOWN = { kind: 'unknown' } as const satisfies IncomeReading;
const NONE = { kind: 'none' } as const satisfies IncomeReading;

/** The longest text read as an income. */
export const MAX_INCOME_TEXT = 200;

/** Reads a typed income. Never throws; unreadable text gives `{ kind: 'error' }`. */
export function readIncome(text: string): IncomeReading {
  // An income is said in a few words; a long text is something else, and is never scanned at length.
  if (text.length > MAX_INCOME_TEXT) return /^[\s\d.,]+$/.test(text) ? RANGE : FORMAT;
  try {
    return read(text);
  } catch {
    return FORMAT; // Defensive only: the fuzz tests found no input that throws.
  }
}

// ---------------------------------------------------------------------------------------------
// Text to words
// ---------------------------------------------------------------------------------------------

// Marks a fraction "1/2" so the later "/" → "per" rewrite leaves it alone.
const FRACTION_MARK = '÷';

// Lower case, Latin digits, numbers split from units ("2jt" → "2 jt"), "/hari" → "per hari",
// "kira2" → "kira kira", hyphens between letters as spaces and the other ones as range dashes,
// "s/d" as "sampai", punctuation as spaces (except dots and commas inside numbers).
function prepare(text: string): string {
  return (
    text
      .normalize('NFKC') // full-width digits, "½" → "1⁄2"
      .toLowerCase()
      .replace(/[\u2044\u2215]/g, '/')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/['’‘`´]/g, '') // "juta'an" → "jutaan", "don't" → "dont"
      .replace(/\+\s*\/\s*-|\+-|±/g, ' ') // "+/-": about
      .replace(/\bs\s*[./]\s*d\b\.?/g, ' sampai ')
      .replace(/\b([a-z]{3,})2\b/g, '$1 $1') // "kira2", "rata2", "kadang2"
      .replace(/(?<!\d)(\d{1,3})\s*\/\s*(\d{1,3})(?!\d)/g, `$1${FRACTION_MARK}$2`)
      .replace(/\//g, ' per ')
      .replace(/(\d)(?=[a-z])/g, '$1 ')
      .replace(/([a-z])(?=\d)/g, '$1 ')
      .replace(/[.,]-+/g, ' ') // price style "1.500.000,-"
      .replace(/([a-z])-+(?=[a-z])/g, '$1 ') // "kira-kira", "juta-an", "sehari-hari"
      .replace(/-+/g, ' - ')
      .replace(/[.,](?!\d)|(?<=[a-z])[.,]/g, ' ') // ".5" stays, and is refused as a number
      .replace(/[^a-z0-9.,\- ÷]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

// Negations as typed in chat, with English ones; "kurang" only for "not sure" ("kurang tau").
const NEG_WORDS = 'ga|gak|gk|g|nggak|ngga|nggk|ngak|enggak|engga|kagak|tak|tidak|tdk|ndak|nda|ora|belum|blm|blum|not|no|dont|do not|didnt|doesnt';
const NEG = `(?:${NEG_WORDS})`;
const NEG_UNSURE = `(?:${NEG_WORDS}|kurang|krg)`;

// "I don't know / it varies". Checked first: "ga ada penghasilan tetap" is unknown, not none.
const UNKNOWN_RE = new RegExp(
  String.raw`\b${NEG_UNSURE}\s*(?:(?:ada|punya|yang|yg|penghasilan|pendapatan|gaji|income|kerja|kerjaan|pekerjaan|nya|sih|juga|terlalu|begitu|really|have|any|the)\s+){0,3}` +
    String.raw`(?:tentu|menentu|nentu|pasti|tetap|tetep|ttp|tau|tahu|tw|taw|ngerti|mengerti|paham|yakin|jelas|teratur|rutin|mesti|hitung|ngitung|menghitung|dihitung|inget|ingat|sure|certain|fixed|regular|steady|stable|know|idea)\b` +
    String.raw`|\b(?:tergantung|tgantung|bervariasi|variasi|beda beda|lain lain|naik turun|kadang|kdg|kdang|lupa|entah|entahlah|musiman` +
    String.raw`|dunno|idk|unsure|uncertain|varies|vary|varying|variable|depends|depending|irregular|forgot|forget|unknown)\b`,
  'g',
);

// "No income at all".
const NONE_RE = new RegExp(
  String.raw`\b${NEG}\s*(?:(?:ada|punya|yang|yg|dapat|dapet|dpt|lagi|lg|sedang|have|any|a)\s+){0,2}` +
    String.raw`(?:ada|punya|kerja|bekerja|kerjaan|pekerjaan|penghasilan|berpenghasilan|pendapatan|gaji|income|uang|duit|job|work|working|earn|earning|earnings|salary)\b` +
    String.raw`|\b(?:nganggur|menganggur|pengangguran|kosong|nihil|none|nothing|unemployed|jobless)\b`,
  'g',
);

// Period phrases ("sehari", "per hari", "/hari" after prepare(), "a day", "daily"...).
const PERIOD_RES: readonly (readonly [RegExp, Period])[] = [
  [
    /\b(?:sehari(?:\s*hari)?(?:nya)?|per\s*hari(?:nya)?|per\s*hr|tiap\s+hari(?:nya)?|setiap\s+hari|(?:satu|1)\s+hari|harian|a\s+day|per\s+day|each\s+day|every\s+day|daily)\b/g,
    'day',
  ],
  [
    /\b(?:seminggu(?:nya)?|per\s*minggu(?:nya)?|per\s*mgg?|tiap\s+minggu|setiap\s+minggu|(?:satu|1)\s+minggu|mingguan|sepekan|per\s*pekan|(?:satu|1)\s+pekan|a\s+week|per\s+week|each\s+week|every\s+week|weekly)\b/g,
    'week',
  ],
  [
    /\b(?:sebulan(?:nya)?|sebln|per\s*bulan(?:nya)?|per\s*bln|tiap\s+bulan|tiap\s+bln|setiap\s+bulan|(?:satu|1)\s+bulan|bulanan|a\s+month|per\s+month|each\s+month|every\s+month|monthly)\b/g,
    'month',
  ],
  [
    /\b(?:setahun(?:nya)?|per\s*tahun(?:nya)?|per\s*thn?|tiap\s+tahun|setiap\s+tahun|(?:satu|1)\s+tahun|tahunan|a\s+year|per\s+year|per\s+annum|each\s+year|every\s+year|yearly|annually|annual)\b/g,
    'year',
  ],
];

const BETWEEN_RE = /\b(?:antara|between)\b/g;

// Words that carry no amount: hedges, particles, forms of address, "income", "I get"...
// ("lebih", "kurang dari", "hampir", "di bawah", "paling banyak" included: the Rp1 juta floor
// makes "about" good enough).
const FILLER = new Set(
  (
    'sekitar sekitaran skitar sktr kira kirakira kisaran kurleb kurang krg lebih lbh rata rerata ratarata ' +
    'paling palingan plg banyak byk sedikit dikit maksimal maks max minimal min hampir nyaris cuma cuman cm ' +
    'hanya hny sih aja aj saja doang lah deh dong kok nih tuh kah pun mah an ya yaa iya yah kak ka kk kakak ' +
    'pak bu bapak ibu mas mbak mba bang dik adik om tante gan sis saya sy aku ak gw gue gua kami kita ' +
    'penghasilan penghasilannya pendapatan pendapatannya gaji gajinya gajian upah upahnya income hasil hasilnya ' +
    'untung untungnya keuntungan laba bersih bersihnya kotor total totalnya dapat dapet dpt dapatnya dapetnya ' +
    'bisa bs bsa biasanya biasa kalau kalo klo kl mungkin mgkn kayaknya kayanya sepertinya perkiraan estimasi ' +
    'dari dr di bawah dibawah atas diatas keatas kebawah yang yg itu ini nya jadi jd ada adalah ialah sebesar ' +
    'sejumlah senilai rp idr rupiah rupiahnya uang duit dalam dlm untuk utk buat masuk pemasukan pemasukannya ' +
    'gitu begitu segitu tetap tetep pokok ' + // "gaji tetap 2 juta" ("tidak tetap" is read as unknown before this)
    'around about approximately approx roughly maybe probably perhaps more less than over under below above ' +
    'almost nearly only just at most least up my i im earn earns make makes get gets got salary is its it ' +
    'usually like the of in from some net gross maximum minimum average avg on'
  ).split(' '),
);

// Words between two amounts that make a range; "dan"/"and" only after "antara"/"between".
const RANGE_WORDS = new Set('- sampai sampe smpe smp sampek ampe hingga sd to until till atau ato or ke'.split(' '));

// ---------------------------------------------------------------------------------------------
// Number words
// ---------------------------------------------------------------------------------------------

type Word =
  | { t: 'unit'; v: number } // 0-9, "se" = 1
  | { t: 'teen'; v: number } // a finished tens-and-units value: sepuluh, sebelas, eleven
  | { t: 'tens'; v: number } // twenty..ninety
  | { t: 'seratus' }
  | { t: 'puluh' }
  | { t: 'belas' }
  | { t: 'ratus' }
  | { t: 'scale'; v: number; one: boolean } // ribu, juta; one: "seribu", "sejuta"
  | { t: 'frac'; v: number } // setengah, half
  | { t: 'perempat' } // "tiga perempat" = 3/4
  | { t: 'koma' }
  | { t: 'a' };

const LEXICON = new Map<string, Word>();
function add(words: string, w: Word): void {
  for (const word of words.split(' ')) LEXICON.set(word, w);
}
[
  'nol zero',
  'satu se one',
  'dua two',
  'tiga three',
  'empat four',
  'lima five',
  'enam six',
  'tujuh seven',
  'delapan lapan eight',
  'sembilan nine',
].forEach((words, v) => add(words, { t: 'unit', v }));
add('sepuluh ten', { t: 'teen', v: 10 });
add('sebelas eleven', { t: 'teen', v: 11 });
['twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].forEach((w, i) =>
  add(w, { t: 'teen', v: 12 + i }),
);
['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].forEach((w, i) =>
  add(w, { t: 'tens', v: 20 + 10 * i }),
);
add('seratus', { t: 'seratus' });
add('puluh', { t: 'puluh' });
add('belas', { t: 'belas' });
add('ratus hundred', { t: 'ratus' });
add('ribu rb rbu rebu k thousand', { t: 'scale', v: 1e3, one: false });
add('juta jt jta million', { t: 'scale', v: 1e6, one: false });
add('miliar milyar billion', { t: 'scale', v: 1e9, one: false });
add('seribu', { t: 'scale', v: 1e3, one: true });
add('sejuta', { t: 'scale', v: 1e6, one: true });
add('semiliar semilyar', { t: 'scale', v: 1e9, one: true });
add('setengah half', { t: 'frac', v: 0.5 });
add('seperempat quarter', { t: 'frac', v: 0.25 });
add('perempat', { t: 'perempat' });
add('koma point', { t: 'koma' });
add('a', { t: 'a' });

// "jutaan", "ribuan", "ratusan", "jtan", "sejutaan" soften the amount; "millions" is plural.
function lookup(word: string): Word | undefined {
  const w = LEXICON.get(word);
  if (w) return w;
  for (const suffix of ['an', 's']) {
    if (!word.endsWith(suffix)) continue;
    const base = LEXICON.get(word.slice(0, -suffix.length));
    if (base && (base.t === 'scale' || base.t === 'ratus' || base.t === 'seratus' || base.t === 'puluh')) return base;
  }
  return undefined;
}

type Token = { t: 'num'; v: number; decimals: string | undefined } | Word;

function toToken(word: string): Token | undefined {
  if (/^\d/.test(word)) {
    const fraction = /^(\d{1,3})÷(\d{1,3})$/.exec(word);
    if (fraction) {
      const n = Number(fraction[1]);
      const d = Number(fraction[2]);
      return n > 0 && n < d ? { t: 'frac', v: n / d } : undefined; // "1/2", "3/4": not "12/05"
    }
    const v = parseDigitGroups(word);
    return v === undefined ? undefined : { t: 'num', v, decimals: /^\d+$/.test(word) ? word : undefined };
  }
  return lookup(word);
}

/** A read amount: `scale` is the largest unit word in it (1e6 for "juta"), 0 when there was none. */
interface Amount {
  value: number;
  scale: number;
}

// Reads one amount ("dua juta lima ratus ribu", "1,5 jt", "satu koma lima juta", "1 1/2 juta").
// Groups below a thousand are read hundreds, then tens, then units ("seratus lima puluh");
// `place` is the smallest place already filled, so "lima ratus seratus" is refused.
function readAmount(words: readonly string[]): Amount | undefined {
  const tokens: Token[] = [];
  for (const w of words) {
    const tok = toToken(w);
    if (!tok) return undefined;
    tokens.push(tok);
  }

  let total = 0;
  let lastScale = 0; // the previous scale word, 0 before any
  let topScale = 0;
  // The group below the next scale word:
  let current = 0;
  let digit: number | undefined;
  let place = 1000;
  let used = false;
  let fracUsed = false;
  let decimals: string | undefined; // after "koma"

  const endDecimals = (): boolean => {
    if (decimals === undefined) return true;
    if (decimals === '' || digit === undefined) return false;
    digit = Number(`${digit}.${decimals}`);
    decimals = undefined;
    return true;
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (decimals !== undefined) {
      if (tok.t === 'unit' && words[i] !== 'se') {
        decimals += String(tok.v);
        continue;
      }
      if (tok.t === 'num' && tok.decimals !== undefined) {
        decimals += tok.decimals;
        continue;
      }
      if (!endDecimals()) return undefined;
    }
    switch (tok.t) {
      case 'unit':
      case 'num':
        if (digit !== undefined || place <= 1) return undefined;
        if (tok.t === 'num' && current > 0 && tok.v >= place) return undefined;
        digit = tok.v;
        break;
      case 'teen':
      case 'tens':
        if (digit !== undefined || place <= 10) return undefined;
        current += tok.v;
        place = tok.t === 'teen' ? 1 : 10;
        break;
      case 'seratus':
        if (digit !== undefined || place <= 100) return undefined;
        current += 100;
        place = 100;
        break;
      case 'puluh':
      case 'belas':
        if (digit === undefined || place <= 10 || digit > 9) return undefined;
        current += tok.t === 'puluh' ? digit * 10 : 10 + digit;
        digit = undefined;
        place = tok.t === 'puluh' ? 10 : 1;
        break;
      case 'ratus':
        if (digit === undefined || place <= 100) return undefined;
        current += digit * 100;
        digit = undefined;
        place = 100;
        break;
      case 'frac':
        if (fracUsed) return undefined;
        if (digit === undefined) digit = tok.v;
        else if (Number.isInteger(digit)) digit += tok.v;
        else return undefined;
        fracUsed = true;
        break;
      case 'perempat':
        if (fracUsed || digit === undefined || !Number.isInteger(digit) || digit < 1 || digit > 3) return undefined;
        digit /= 4;
        fracUsed = true;
        break;
      case 'koma':
        if (digit === undefined || !Number.isInteger(digit) || fracUsed) return undefined;
        decimals = '';
        break;
      case 'a': {
        // "a hundred", "a million"; otherwise a filler ("half a million", "100k a ...").
        const next = tokens[i + 1];
        if (next && (next.t === 'ratus' || next.t === 'scale') && digit === undefined && !used) {
          digit = 1;
          break;
        }
        continue;
      }
      case 'scale': {
        let group: number;
        if (tok.one) {
          if (used) return undefined;
          group = 1;
        } else {
          if (!used) return undefined;
          group = current + (digit ?? 0);
        }
        if (lastScale !== 0 && tok.v >= lastScale) return undefined; // "dua ribu juta"
        total += group * tok.v;
        lastScale = tok.v;
        topScale = Math.max(topScale, tok.v);
        current = 0;
        digit = undefined;
        place = 1000;
        used = false;
        fracUsed = false;
        continue;
      }
    }
    used = true;
  }
  if (!endDecimals()) return undefined;

  const rest = current + (digit ?? 0);
  if (!used) return lastScale === 0 ? undefined : { value: total, scale: topScale };
  if (lastScale === 0 || rest === 0) return { value: total + rest, scale: topScale };
  // Words after the last unit: "sejuta setengah" (1,5 juta), "sejuta dua" (1,2 juta),
  // "sejuta lima ratus" (1,5 juta: a bare trailing hundreds after juta means ratus ribu),
  // "1 juta 500.000" (added as written).
  if (rest < 1) return { value: total + rest * lastScale, scale: topScale };
  if (!Number.isInteger(rest) || rest >= lastScale) return undefined;
  if (rest < 10) return { value: total + (rest * lastScale) / 10, scale: topScale };
  if (rest < 1000) return { value: total + (rest * lastScale) / 1000, scale: topScale };
  return { value: total + rest, scale: topScale };
}

// ---------------------------------------------------------------------------------------------
// The message
// ---------------------------------------------------------------------------------------------

function read(text: string): IncomeReading {
  if (typeof text !== 'string') return FORMAT;

  // Compatibility: whatever the strict reader accepts means the same here.
  const legacy = parseIncome(text);
  if (legacy.ok) return legacy.rupiah === 0 ? NONE : { kind: 'amount', rupiah: legacy.rupiah };

  let s = ` ${prepare(text)} `;
  let unknown = false;
  let none = false;
  s = s.replace(UNKNOWN_RE, () => {
    unknown = true;
    return ' ';
  });
  s = s.replace(NONE_RE, () => {
    none = true;
    return ' ';
  });
  const periods = new Set<Period>();
  for (const [re, period] of PERIOD_RES) {
    s = s.replace(re, () => {
      periods.add(period);
      return ' ';
    });
  }
  let between = false;
  s = s.replace(BETWEEN_RE, () => {
    between = true;
    return ' ';
  });

  // When the person also gives a figure ("ga tentu, sekitar 2 juta") the figure wins; otherwise
  // the phrase decides ("kadang ada kadang ga", "tidak ada kak").
  const fallback: IncomeReading = unknown ? UNKNOWN : none ? NONE : FORMAT;
  const words = s
    .split(' ')
    .filter((w) => w !== '' && !FILLER.has(w) && !(!between && (w === 'dan' || w === 'and')));
  if (words.length === 0) return fallback;

  // "per bulan" is the default; two other periods ("sehari 100rb, seminggu 600rb"): ask again.
  const others = [...periods].filter((p): p is Per => p !== 'month');
  if (others.length > 1) return fallback;
  const per = others[0];

  const result = readWords(words, between, per);
  if (result === 'income_range') return RANGE;
  return result === 'income_format' ? fallback : result;
}

function readWords(words: readonly string[], between: boolean, per: Per | undefined): IncomeReading | Failure {
  const seps: number[] = [];
  words.forEach((w, i) => {
    if (RANGE_WORDS.has(w) || (between && (w === 'dan' || w === 'and'))) seps.push(i);
  });
  if (seps.length > 1) return 'income_format';

  if (seps.length === 0) return single(readAmount(words), per);
  const at = seps[0]!;
  const left = words.slice(0, at);
  const right = words.slice(at + 1);
  if (left.length === 0) {
    // "sampai 3 juta" (up to); a leading minus ("-500000") is not an income.
    return words[at] === '-' ? 'income_format' : single(readAmount(right), per);
  }
  if (right.length === 0) return single(readAmount(left), per); // "2 juta ke atas", "2 juta atau lebih"

  const low = readAmount(left);
  const high = readAmount(right);
  if (!low || !high) return 'income_format';
  let lowValue = low.value;
  let highValue = high.value;
  // "2-3 juta", "1-1,5jt": a bare end takes the other end's unit. "500-1jt" means 500 ribu.
  if (low.scale === 0 && high.scale > 0) {
    lowValue = low.value * high.scale;
    if (lowValue > highValue && low.value >= 100 && high.scale >= 1e6) lowValue = (low.value * high.scale) / 1000;
  } else if (high.scale === 0 && low.scale > 0) {
    highValue = high.value * low.scale;
  } else if (low.scale === 0 && high.scale === 0 && (isBareSmall(low.value) || isBareSmall(high.value))) {
    return 'income_format';
  }
  if (!Number.isFinite(lowValue) || !Number.isFinite(highValue)) return 'income_range';
  if (lowValue > highValue) return 'income_format';
  // "2 juta sampai 2 juta": one value (its bare-number check is done above).
  if (lowValue === highValue) return single({ value: lowValue, scale: Math.max(low.scale, high.scale, 1) }, per);

  const factor = per ? INCOME_PERIOD_FACTORS[per] : 1;
  const lowMonth = toMonth(lowValue, per);
  const highMonth = toMonth(highValue, per);
  if (highMonth > MAX_INCOME_RUPIAH) return 'income_range';
  const mid = Math.round((lowMonth + highMonth) / 2 / 1000) * 1000;
  const rupiah = Math.min(highMonth, Math.max(lowMonth, mid));
  if (!per) return { kind: 'range', low: lowMonth, high: highMonth, rupiah };
  return {
    kind: 'range',
    low: lowMonth,
    high: highMonth,
    rupiah,
    per,
    factor,
    amountLow: Math.round(lowValue),
    amountHigh: Math.round(highValue),
  };
}

// A bare small number ("5", "500", "dua") is almost surely a missing "juta"/"ribu": ask again.
function isBareSmall(value: number): boolean {
  return value > 0 && value < 1000;
}

function toMonth(value: number, per: Per | undefined): number {
  if (!per) return Math.round(value);
  return Math.round(per === 'year' ? value / 12 : value * INCOME_PERIOD_FACTORS[per]);
}

function single(amount: Amount | undefined, per: Per | undefined): IncomeReading | Failure {
  if (!amount) return 'income_format';
  const { value, scale } = amount;
  if (!Number.isFinite(value)) return 'income_range';
  if (scale === 0 && isBareSmall(value)) return 'income_format';
  const typed = Math.round(value);
  if (typed === 0) return NONE;
  const rupiah = toMonth(value, per);
  if (rupiah > MAX_INCOME_RUPIAH) return 'income_range';
  if (!per) return { kind: 'amount', rupiah };
  return { kind: 'converted', rupiah, per, amount: typed, factor: INCOME_PERIOD_FACTORS[per] };
}
