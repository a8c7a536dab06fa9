import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCell, cleanText } from '../../src/domain/text-clean.js';
import { fuzzOptions } from '../helpers/fuzz.js';

// C0 and C1 controls (and DEL) other than TAB and LF.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Well-formed UTF-16: every surrogate is half of a pair. */
const wellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'; // man ZWJ woman ZWJ girl
const RAINBOW_FLAG = '\u{1F3F3}\uFE0F\u200D\u{1F308}'; // variation selector and ZWJ

describe('cleanText', () => {
  it.each([
    ['plain text stays', 'Siti Aminah', 'Siti Aminah'],
    ['spaces are neither trimmed nor collapsed', '  Jl.  Mawar  ', '  Jl.  Mawar  '],
    ['case and accents stay', 'RÉNÉ ña', 'RÉNÉ ña'],
    ['NFD becomes NFC', 'Rene\u0301', 'René'],
    ['NUL goes', 'Jl.\u0000 Mawar', 'Jl. Mawar'],
    ['other C0 controls go', '\u0001a\u0007b\u001Bc\u001F', 'abc'],
    ['TAB and LF stay', 'a\tb\nc', 'a\tb\nc'],
    ['CR LF becomes LF', 'RT 01\r\nRW 02', 'RT 01\nRW 02'],
    ['a lone CR becomes LF', 'RT 01\rRW 02', 'RT 01\nRW 02'],
    ['CR CR LF gives two line ends', 'a\r\r\nb', 'a\n\nb'],
    ['DEL goes', 'a\u007Fb', 'ab'],
    ['C1 controls go', 'a\u0080b\u0085c\u009Fd', 'abcd'],
    ['the right-to-left override goes', '\u202Eevil', 'evil'],
    ['embeddings, overrides and pops go', '\u202Aa\u202Bb\u202Cc\u202Dd', 'abcd'],
    ['isolates go', '\u2066a\u2067b\u2068c\u2069', 'abc'],
    ['LRM, RLM and the Arabic letter mark go', '\u200Ea\u200Fb\u061Cc', 'abc'],
    ['BOM / zero-width no-break space goes', '\uFEFFSiti', 'Siti'],
    ['zero-width space, word joiner and soft hyphen go', 'Si\u200Bt\u2060i\u00AD', 'Siti'],
    ['line and paragraph separators become LF', 'a\u2028b\u2029c', 'a\nb\nc'],
    ['ZWNJ stays', 'a\u200Cb', 'a\u200Cb'],
    ['emoji with ZWJ survive', `keluarga ${FAMILY}`, `keluarga ${FAMILY}`],
    ['variation selectors survive', RAINBOW_FLAG, RAINBOW_FLAG],
    ['a lone high surrogate becomes U+FFFD', '\uD800', '\uFFFD'],
    ['a lone low surrogate becomes U+FFFD', 'a\uDC00b', 'a\uFFFDb'],
    ['a high surrogate at the end becomes U+FFFD', `x\uD83D`, 'x\uFFFD'],
    ['reversed halves become two U+FFFD', '\uDE00\uD83D', '\uFFFD\uFFFD'],
    ['a proper pair stays', '\uD83D\uDE00', '\u{1F600}'],
    ['a removed control between a letter and its accent still composes', 'e\u0000\u0301', 'é'],
    ['empty stays empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('cleanCell', () => {
  it.each([
    ['a line break becomes a space', 'RT 01\nRW 02', 'RT 01 RW 02'],
    ['CR LF becomes one space', 'RT 01\r\nRW 02', 'RT 01 RW 02'],
    ['a run of tabs and breaks becomes one space', 'a\t\n\r\n\tb', 'a b'],
    ['a line separator becomes a space', 'a\u2028b', 'a b'],
    ['ordinary spaces stay', ' Siti  Aminah ', ' Siti  Aminah '],
    ['controls and overrides go', 'Jl.\u0000 \u202EMawar\uD800', 'Jl. Mawar\uFFFD'],
    // Formula neutralising is the CSV writer's job (console/export.ts); XLSX cells are never formulas.
    ['formulas are left to the writer', '=1+1', '=1+1'],
  ])('%s', (_name, input, expected) => {
    expect(cleanCell(input)).toBe(expected);
  });
});

// Strings built from UTF-16 code units (so lone surrogates occur), the characters the rules are
// about, combining marks, and whole code points (emoji, other scripts).
const awkward = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
    fc.constantFrom('\u0000', '\t', '\n', '\r', '\u007F', '\u0085', '\u009F', '\u00AD', '\u061C', '\u200B', '\u200C', '\u200D', '\u200E', '\u202E', '\u2028', '\u2067', '\uFE0F', '\uFEFF', '\uD800', '\uDFFF', '\u0301', '\u0327', 'e', 'A'),
    fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  ),
  maxLength: 40,
});

describe('cleanText properties', () => {
  it('leaves no controls but TAB and LF, no bidi formatting, well-formed UTF-16, in NFC, and is idempotent', () => {
    fc.assert(
      fc.property(awkward, (input) => {
        const out = cleanText(input);
        expect(out).not.toMatch(CONTROL);
        expect(out).not.toMatch(BIDI);
        expect(out).not.toMatch(/[\uFEFF\u2028\u2029]/);
        expect(wellFormed(out)).toBe(true);
        expect(out.normalize('NFC')).toBe(out);
        expect(cleanText(out)).toBe(out);
      }),
      fuzzOptions(300),
    );
  });

  it('cleanCell gives one line with the same guarantees, and is idempotent', () => {
    fc.assert(
      fc.property(awkward, (input) => {
        const out = cleanCell(input);
        expect(out).not.toMatch(/[\t\n\r]/);
        expect(out).not.toMatch(CONTROL);
        expect(out).not.toMatch(BIDI);
        expect(wellFormed(out)).toBe(true);
        expect(cleanCell(out)).toBe(out);
      }),
      fuzzOptions(300),
    );
  });
});
