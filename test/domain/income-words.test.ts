import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRupiah, MAX_INCOME_RUPIAH, parseIncome } from '../../src/domain/income.js';
import { INCOME_PERIOD_FACTORS, MAX_INCOME_TEXT, readIncome, type IncomeReading } from '../../src/domain/income-words.js';
import { fuzzOptions } from '../helpers/fuzz.js';
import { PARSE_INCOME_ACCEPTS } from './income-cases.js';

const FORMAT: IncomeReading = { kind: 'error', error: 'income_format' };
const RANGE: IncomeReading = { kind: 'error', error: 'income_range' };



/** What readIncome must say for something parseIncome accepts: the same amount; zero is "no income". */
function sameAsParseIncome(rupiah: number): IncomeReading {
  return rupiah === 0 ? { kind: 'none' } : { kind: 'amount', rupiah };
}

describe('readIncome keeps what parseIncome accepts', () => {
  it.each(PARSE_INCOME_ACCEPTS)('%j -> %d', (input, rupiah) => {
    expect(parseIncome(input)).toEqual({ ok: true, rupiah }); // the list is still parseIncome's
    expect(readIncome(input)).toEqual(sameAsParseIncome(rupiah));
  });

  // Amounts written the ways parseIncome reads, with its hedges and units.
  const number = fc.oneof(
    fc.integer({ min: 0, max: 2_000_000_000 }).map(String),
    fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => formatRupiah(n).slice(2)),
    fc.integer({ min: 0, max: 2_000_000_000 }).map((n) => n.toLocaleString('en-US')),
    fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(',', '.')).map(
      ([i, f, sep]) => `${i}${sep}${f}`,
    ),
  );
  const unit = fc.constantFrom('', ' ', 'jt', ' juta', ' jutaan', 'rb', ' ribu', ' ribuan', 'k', ' million', ' thousand', ' jta', ' rbu');
  const before = fc.constantFrom('', 'Rp', 'Rp ', 'rp. ', 'IDR ', 'sekitar ', 'kira2 ', '± ', 'kurang lebih ', 'rata-rata ');
  const after = fc.constantFrom('', ' per bulan', '/bulan', ' sebulan', ' rupiah', ',-', '.', ' a month', '!');

  it('gives the same amount on every input parseIncome accepts (generated)', () => {
    fc.assert(
      fc.property(before, number, unit, after, (b, n, u, a) => {
        const input = `${b}${n}${u}${a}`;
        const strict = parseIncome(input);
        if (strict.ok) expect(readIncome(input)).toEqual(sameAsParseIncome(strict.rupiah));
      }),
      fuzzOptions(3000),
    );
  });

  it('gives the same amount on any string parseIncome accepts (random)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,- jtrbkJ±'.split('')), maxLength: 16 }), (input) => {
        const strict = parseIncome(input);
        if (strict.ok) expect(readIncome(input)).toEqual(sameAsParseIncome(strict.rupiah));
      }),
      fuzzOptions(3000),
    );
  });
});

describe('readIncome: plain monthly amounts', () => {
  it.each([
    // Number words
    ['sejuta', 1_000_000],
    ['satu juta', 1_000_000],
    ['satu setengah juta', 1_500_000],
    ['dua setengah juta', 2_500_000],
    ['setengah juta', 500_000],
    ['seperempat juta', 250_000],
    ['tiga perempat juta', 750_000],
    ['sejuta lima ratus', 1_500_000], // bare trailing hundreds after juta = ratus ribu
    ['sejuta setengah', 1_500_000],
    ['sejuta dua', 1_200_000], // spoken "1,2 juta"
    ['dua juta lima ratus ribu', 2_500_000],
    ['satu juta dua ratus lima puluh ribu', 1_250_000],
    ['lima ratus ribu', 500_000],
    ['tujuh ratus rebu', 700_000],
    ['seratus lima puluh ribu', 150_000],
    ['tiga ratus lima puluh ribu', 350_000],
    ['sepuluh juta', 10_000_000],
    ['sebelas juta', 11_000_000],
    ['dua belas juta', 12_000_000],
    ['dua puluh lima juta', 25_000_000],
    ['satu koma lima juta', 1_500_000],
    ['nol koma lima juta', 500_000],
    ['Dua Juta Rupiah', 2_000_000],
    // Digits with informal units
    ['1jt', 1_000_000],
    ['1,5jt', 1_500_000],
    ['1.5jt', 1_500_000],
    ['2jtan', 2_000_000],
    ['2 juta\'an', 2_000_000],
    ['2 juta-an', 2_000_000],
    ['sejuta\'an', 1_000_000],
    ['1 1/2 juta', 1_500_000],
    ['1 1/2jt', 1_500_000],
    ['½ juta', 500_000],
    ['1jt 500', 1_500_000],
    ['2 juta 500 ribu', 2_500_000],
    ['sejuta 500 ribu', 1_500_000],
    ['2jt++', 2_000_000],
    // English
    ['two million', 2_000_000],
    ['ten million', 10_000_000],
    ['one and a half million', 1_500_000],
    ['half a million', 500_000],
    ['two hundred and fifty thousand', 250_000],
    ['500 thousand', 500_000],
    ['I earn about 3 million a month', 3_000_000],
    // Hedges, particles and forms of address
    ['±2jt', 2_000_000],
    ['kira2 1,5jt sebulan ya kak', 1_500_000],
    ['kurang lebih 2 jt an lah kak', 2_000_000],
    ['penghasilan saya sekitar 2 juta per bulan', 2_000_000],
    ['rata2 cuma 800rb sih pak', 800_000],
    ['hanya 600 ribu aja bu', 600_000],
    ['Rp 2.000.000/bln kak', 2_000_000],
    ['Rp.1.500.000 sebulan kak', 1_500_000],
    ['gaji 2,5jt perbulan', 2_500_000],
    ['bulanan 3 juta', 3_000_000],
    ['gaji tetap 2 juta', 2_000_000],
    ['gaji pokok 1,8 juta', 1_800_000],
    ['penghasilan bersih 1,8jt', 1_800_000],
    // Approximations: the figure is enough (the Rp1 juta floor does the rest)
    ['2 jutaan', 2_000_000],
    ['3 juta lebih', 3_000_000],
    ['lebih dari 3 juta', 3_000_000],
    ['3 juta an', 3_000_000],
    ['hampir 2 juta', 2_000_000],
    ['di bawah 1 juta', 1_000_000],
    ['kurang dari sejuta', 1_000_000],
    ['paling banyak 2 juta', 2_000_000],
    ['sampai 3 juta', 3_000_000], // "up to"
    ['2 juta ke atas', 2_000_000],
    ['2 juta atau lebih', 2_000_000],
    ['2 juta sampai 2 juta', 2_000_000], // a range of one value
    // A figure next to "it varies" / "not really" wins
    ['ga tentu, sekitar 2 juta', 2_000_000],
    ['ga tau kak, mungkin sejuta', 1_000_000],
    ['ga ada, paling 500rb', 500_000],
  ])('%j -> %d', (input, rupiah) => {
    expect(readIncome(input)).toEqual({ kind: 'amount', rupiah });
  });
});

describe('readIncome: amounts per day, week or year', () => {
  it.each([
    ['sehari 100rb', 'day', 100_000],
    ['100rb sehari', 'day', 100_000],
    ['sehari bisa dapet 100rb', 'day', 100_000],
    ['per hari 100 ribu', 'day', 100_000],
    ['perhari 75rb', 'day', 75_000],
    ['100rb/hari', 'day', 100_000],
    ['75rb/hr', 'day', 75_000],
    ['harian 80rb', 'day', 80_000],
    ['tiap hari 75 ribu', 'day', 75_000],
    ['satu hari 150rb', 'day', 150_000],
    ['sehari-hari 100rb', 'day', 100_000],
    ['seratus ribu perhari', 'day', 100_000],
    ['dua puluh lima ribu sehari', 'day', 25_000],
    ['Rp50.000/hari', 'day', 50_000],
    ['100.000,- sehari', 'day', 100_000],
    ['Sehari 150 ribu, kadang kurang', 'day', 150_000],
    ['100k a day', 'day', 100_000],
    ['100k per day', 'day', 100_000],
    ['100k daily', 'day', 100_000],
    ['a hundred thousand a day', 'day', 100_000],
    ['seminggu 500rb', 'week', 500_000],
    ['per minggu 300 ribu', 'week', 300_000],
    ['perminggu 400rb', 'week', 400_000],
    ['400rb/minggu', 'week', 400_000],
    ['mingguan 400rb', 'week', 400_000],
    ['empat ratus ribu seminggu', 'week', 400_000],
    ['500k a week', 'week', 500_000],
    ['weekly 1 million', 'week', 1_000_000],
    ['setahun 24 juta', 'year', 24_000_000],
    ['per tahun 30jt', 'year', 30_000_000],
    ['tahunan 18 juta', 'year', 18_000_000],
    ['36 million a year', 'year', 36_000_000],
  ] as const)('%j -> %s %d', (input, per, amount) => {
    const factor = INCOME_PERIOD_FACTORS[per];
    const rupiah = Math.round(per === 'year' ? amount / 12 : amount * factor);
    expect(readIncome(input)).toEqual({ kind: 'converted', rupiah, per, amount, factor });
  });

  it('uses 26 working days, 4 weeks and 12 months', () => {
    expect(readIncome('sehari 100rb')).toEqual({ kind: 'converted', rupiah: 2_600_000, per: 'day', amount: 100_000, factor: 26 });
    expect(readIncome('seminggu 500rb')).toEqual({ kind: 'converted', rupiah: 2_000_000, per: 'week', amount: 500_000, factor: 4 });
    expect(readIncome('setahun 24 juta')).toEqual({ kind: 'converted', rupiah: 2_000_000, per: 'year', amount: 24_000_000, factor: 1 / 12 });
    expect(readIncome('setahun 25 juta')).toMatchObject({ rupiah: 2_083_333 }); // whole rupiah
  });
});

describe('readIncome: ranges', () => {
  it.each([
    ['2-3 juta', 2_000_000, 3_000_000, 2_500_000],
    ['2 - 3 juta', 2_000_000, 3_000_000, 2_500_000],
    ['2–3 juta', 2_000_000, 3_000_000, 2_500_000],
    ['2 sampai 3 juta', 2_000_000, 3_000_000, 2_500_000],
    ['dari 2 sampai 3 juta', 2_000_000, 3_000_000, 2_500_000],
    ['2 s/d 3 juta', 2_000_000, 3_000_000, 2_500_000],
    ['dua sampai tiga juta', 2_000_000, 3_000_000, 2_500_000],
    ['2 atau 3 juta', 2_000_000, 3_000_000, 2_500_000],
    ['antara 1,5 dan 2 juta', 1_500_000, 2_000_000, 1_750_000],
    ['antara 2-3 juta', 2_000_000, 3_000_000, 2_500_000],
    ['1-1,5jt', 1_000_000, 1_500_000, 1_250_000],
    ['1,5jt - 2jt', 1_500_000, 2_000_000, 1_750_000],
    ['500-1jt', 500_000, 1_000_000, 750_000], // "500" means 500 ribu here
    ['500rb-1jt', 500_000, 1_000_000, 750_000],
    ['Rp 1.500.000 - Rp 2.000.000', 1_500_000, 2_000_000, 1_750_000],
    ['1.500.000-2.000.000', 1_500_000, 2_000_000, 1_750_000],
    ['1,5 - 2 juta per bulan', 1_500_000, 2_000_000, 1_750_000],
    ['1 to 2 million', 1_000_000, 2_000_000, 1_500_000],
    ['between 1 and 2 million', 1_000_000, 2_000_000, 1_500_000],
    ['2 or 3 million', 2_000_000, 3_000_000, 2_500_000],
    ['tidak ada yang pasti, 1-2 juta', 1_000_000, 2_000_000, 1_500_000],
    ['1-2 juta', 1_000_000, 2_000_000, 1_500_000], // parseIncome refuses ranges; readIncome reads them
    ['1.234.000 - 1.235.500', 1_234_000, 1_235_500, 1_235_000], // midpoint to the nearest Rp1.000
    ['1.000.001-1.000.400', 1_000_001, 1_000_400, 1_000_001], // rounding stays inside the range
  ])('%j -> %d..%d ~ %d', (input, low, high, rupiah) => {
    expect(readIncome(input)).toEqual({ kind: 'range', low, high, rupiah });
  });

  it.each([
    ['sehari 50-100rb', 'day', 50_000, 100_000],
    ['50rb-100rb/hari', 'day', 50_000, 100_000],
    ['100 ribu - 150 ribu sehari', 'day', 100_000, 150_000],
    ['seminggu 300-500rb', 'week', 300_000, 500_000],
    ['setahun 12-24 juta', 'year', 12_000_000, 24_000_000],
  ] as const)('%j -> %s %d..%d, converted at both ends', (input, per, amountLow, amountHigh) => {
    const factor = INCOME_PERIOD_FACTORS[per];
    const low = Math.round(amountLow * factor);
    const high = Math.round(amountHigh * factor);
    const rupiah = Math.round((low + high) / 2 / 1000) * 1000;
    expect(readIncome(input)).toEqual({ kind: 'range', low, high, rupiah, per, factor, amountLow, amountHigh });
  });

  it('converts a daily range with 26 days', () => {
    expect(readIncome('sehari 50-100rb')).toEqual({
      kind: 'range',
      low: 1_300_000,
      high: 2_600_000,
      rupiah: 1_950_000,
      per: 'day',
      factor: 26,
      amountLow: 50_000,
      amountHigh: 100_000,
    });
  });
});

describe('readIncome: does not know / no income', () => {
  it.each([
    'ga tentu',
    'gak tau',
    'gatau',
    'gk tw',
    'tidak menentu',
    'tidak tentu',
    'nggak pasti',
    'belum tau',
    'kurang tau kak',
    'tergantung',
    'tergantung musim',
    'kadang ada kadang ga',
    'kadang 1 juta kadang 2 juta',
    'penghasilan ga tentu kadang 50rb kadang 200rb sehari',
    'ga ada penghasilan tetap',
    'tidak ada pekerjaan tetap',
    'pendapatan tidak menentu',
    'naik turun',
    'lupa',
    "don't know",
    'I dont know',
    'not sure',
    'it varies',
    'it depends',
    'no idea',
  ])('%j -> unknown', (input) => {
    expect(readIncome(input)).toEqual({ kind: 'unknown' });
  });

  it.each([
    'ga ada',
    'gaada',
    'tidak ada',
    'tidak ada kak',
    'blm ada',
    'tdk ada penghasilan',
    'belum kerja',
    'tidak bekerja',
    'nganggur',
    'nol',
    '0',
    '0 rb',
    'Rp 0',
    'nol rupiah',
    'no income',
    'unemployed',
    'zero',
  ])('%j -> none', (input) => {
    expect(readIncome(input)).toEqual({ kind: 'none' });
  });
});

describe('readIncome: errors', () => {
  it.each([
    '',
    '   ',
    'saya petani',
    'dua',
    'satu',
    'satu setengah', // no unit: 1,5 what?
    'jkm brp',
    'banyak',
    'abc',
    'juta',
    'jutaan', // "millions": ask for a figure
    'ratusan ribu',
    '5',
    '500',
    '1,5',
    '0,5',
    'lima ratus',
    'tujuh ratus lima puluh',
    'sehari 100', // 100 what?
    '2-3', // no unit
    '3-2 juta', // low above high
    '2 juta - 1 juta',
    '1-2-3 juta',
    'dua tiga juta',
    '1 jt 2 jt',
    'sehari 100rb seminggu 600rb', // two periods
    '2 juta per orang',
    'tiap panen 3 juta',
    'omzet 5 juta', // turnover is not income: ask again
    '1.5.000',
    '1.500.5',
    '1,500.000',
    '-500000',
    '.5 juta',
    '12/05',
    '1e6',
    'Infinity',
    'no',
    'ga',
    'sekitar',
  ])('%j -> income_format', (input) => {
    expect(readIncome(input)).toEqual(FORMAT);
  });

  it.each([
    '1.000.000.001',
    '2000 juta',
    '2 milyar',
    'satu miliar lima ratus juta',
    '99999999999999999999',
    '9'.repeat(400),
    '1000000000 sehari',
    '1-2 milyar',
  ])('%j -> income_range', (input) => {
    expect(readIncome(input)).toEqual(RANGE);
  });

  it('accepts the upper bound itself, also after converting', () => {
    expect(readIncome('1 miliar')).toEqual({ kind: 'amount', rupiah: MAX_INCOME_RUPIAH });
    expect(readIncome('setahun 12 milyar')).toMatchObject({ kind: 'converted', rupiah: MAX_INCOME_RUPIAH });
  });
});

describe('readIncome: robustness', () => {
  const VOCAB = [
    '1', '2', '500', '1.500.000', '1,5', '0', 'jt', 'juta', 'rb', 'k', 'ribu', 'sejuta', 'setengah', 'satu', 'dua',
    'lima', 'ratus', 'puluh', 'belas', 'seratus', 'koma', 'sehari', 'seminggu', 'setahun', 'per', 'hari', '-',
    'sampai', 'antara', 'dan', 'ga', 'ada', 'tentu', 'a', 'million', 'half', 'and', '1/2', '/', '.', ',', '±', 'kak',
    'lebih', 'perempat', 'se', 'nol', 'sebelas', 'twenty', 'hundred', 'miliar', '99999999999999999999', 'tidak', 'kadang',
  ];

  /** Any reading must be well formed: whole rupiah within bounds, ranges ordered with the midpoint inside. */
  function checkWellFormed(input: string): void {
    const r = readIncome(input);
    const whole = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_INCOME_RUPIAH;
    switch (r.kind) {
      case 'amount':
        expect(whole(r.rupiah) && r.rupiah > 0, JSON.stringify([input, r])).toBe(true);
        break;
      case 'converted':
        expect(whole(r.rupiah) && Number.isInteger(r.amount) && r.amount > 0, JSON.stringify([input, r])).toBe(true);
        expect(r.factor).toBe(INCOME_PERIOD_FACTORS[r.per]);
        break;
      case 'range':
        expect(whole(r.low) && whole(r.high) && whole(r.rupiah), JSON.stringify([input, r])).toBe(true);
        expect(r.low < r.high && r.low <= r.rupiah && r.rupiah <= r.high, JSON.stringify([input, r])).toBe(true);
        break;
      case 'error':
        expect(['income_format', 'income_range']).toContain(r.error);
        break;
      default:
        expect(['unknown', 'none']).toContain(r.kind);
    }
  }

  it('never throws on any string and always answers a well-formed reading', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), checkWellFormed), fuzzOptions(2000));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...VOCAB), { maxLength: 8 }), fc.constantFrom(' ', ''), (words, sep) =>
        checkWellFormed(words.join(sep)),
      ),
      fuzzOptions(4000),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,-/ ±jtrbk½'.split('')), maxLength: 30 }), checkWellFormed),
      fuzzOptions(2000),
    );
  });

  it('reads every whole amount written the Indonesian way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: MAX_INCOME_RUPIAH }), (n) => {
        expect(readIncome(formatRupiah(n))).toEqual({ kind: 'amount', rupiah: n });
        expect(readIncome(`sekitar ${formatRupiah(n)} sebulan kak`)).toEqual({ kind: 'amount', rupiah: n });
      }),
      fuzzOptions(100),
    );
  });

  it('converts any daily amount with 26 days, in either word order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (k) => {
        const expected = { kind: 'converted', rupiah: k * 1000 * 26, per: 'day', amount: k * 1000, factor: 26 };
        expect(readIncome(`sehari ${k}rb`)).toEqual(expected);
        expect(readIncome(`${k} ribu per hari`)).toEqual(expected);
      }),
      fuzzOptions(100),
    );
  });

  it('reads ranges in either unit placement and keeps low <= rupiah <= high', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const r = readIncome(`${lo}-${hi} juta`);
        if (lo === hi) expect(r).toEqual({ kind: 'amount', rupiah: lo * 1e6 });
        else expect(r).toEqual({ kind: 'range', low: lo * 1e6, high: hi * 1e6, rupiah: ((lo + hi) / 2) * 1e6 });
        expect(readIncome(`${lo}jt - ${hi}jt`)).toEqual(r);
      }),
      fuzzOptions(100),
    );
  });

  it('reads hostile input up to its length limit, and refuses anything longer without scanning it', () => {
    const pieces = ['1', '. ', '1.', '1,', 'sejuta ', 'a', 'ga ', 'tidak ada yang ', 'kira2 ', '1/', '-', ' ', 'rp',
      '1 ', 'per ', 'se', '2jt', 'sehari ', '+/-', 'ga    ', 'juta ', 'dua puluh ', 'antara ', 'koma ', 'nol '];
    for (const piece of pieces) {
      for (const tail of ['', ' x', '!', ' juta', '5']) {
        const input = piece.repeat(Math.ceil(MAX_INCOME_TEXT / piece.length)).slice(0, MAX_INCOME_TEXT - tail.length) + tail;
        expect(readIncome(input).kind).toBeTypeOf('string');
      }
    }
    expect(readIncome(`${' .'.repeat(50_000)}x`)).toEqual(FORMAT);
    expect(readIncome(`sekitar ${'1 '.repeat(200)}juta`)).toEqual(FORMAT);
  });
});
