// Cleans text people type (or that old rows hold) at the edge, before it is stored or exported:
// nothing invisible that could spoof what an officer reads, nothing a file format chokes on.
// Letters, case, spaces and emoji are left alone; callers decide about trimming.

// An unpaired high or low surrogate (no `u` flag, so the regex sees UTF-16 code units). Done by
// hand rather than with String.prototype.toWellFormed so it behaves the same on every Node ≥ 20.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Every line end becomes LF: CR LF (Windows), a lone CR (old Mac), and the Unicode line and
// paragraph separators U+2028/U+2029, which most viewers show as a break anyway.
const LINE_END = /\r\n?|[\u2028\u2029]/g;

// Removed outright:
// - C0 controls except TAB and LF (NUL included), DEL and the C1 controls: invisible, and
//   several of them make XML (XLSX) or terminals misbehave;
// - bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
//   U+202A–U+202E, U+2066–U+2069): they reorder what is shown ("Trojan Source"), so "\u202Eevil"
//   can read as something else;
// - invisible format characters that split a word without showing (U+00AD soft hyphen, U+200B
//   zero-width space, U+2060–U+2064 word joiner and invisible operators, U+206A–U+206F deprecated
//   format controls, U+FEFF BOM / zero-width no-break space, U+FFF9–U+FFFB annotation marks).
// Kept on purpose: ZWNJ U+200C and ZWJ U+200D (emoji sequences and some scripts need them),
// variation selectors (emoji presentation) and tag characters (subdivision flags).
// eslint-disable-next-line no-control-regex
const REMOVED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g;

/**
 * Typed text made safe to keep and show: lone surrogates become U+FFFD, line ends become LF,
 * controls and invisible or bidi formatting characters go, then NFC (so "e\u0301" is "é" and
 * equal text compares equal). Normalising last keeps the result idempotent: a removed character
 * between a letter and its accent would otherwise leave a composable pair behind.
 */
export function cleanText(input: string): string {
  return input.replace(LONE_SURROGATE, '\uFFFD').replace(LINE_END, '\n').replace(REMOVED, '').normalize('NFC');
}

/**
 * One spreadsheet or CSV cell: cleanText, then each run of tabs and line ends becomes one space
 * (a cell is one line for the officer who copies it into BPJS's systems). Formula injection is not
 * handled here: CSV prefixes an apostrophe (console/export.ts neutraliseFormula), while XLSX
 * writes string cells that are never formulas and would show an apostrophe literally.
 */
export function cleanCell(value: string): string {
  return cleanText(value).replace(/[\t\n]+/g, ' ');
}
