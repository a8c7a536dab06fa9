// Maps a typed answer onto one of the offered choices. People answer menus by
// number, by label in any language, or with typos; this keeps that tolerant but
// refuses to guess when two choices are equally plausible.
import { editDistance, normalizeText } from './normalize.js';

export interface MatchableChoice {
  value: string;
  // The displayed label in every language plus aliases.
  labels: string[];
}

interface Label {
  value: string;
  text: string; // normalised label
  words: string[]; // its words, only when there are several
}

// Typo budget grows with label length; short labels are too easy to hit by accident.
function allowedDistance(len: number): number {
  if (len >= 8) return 2;
  if (len >= 4) return 1;
  return 0;
}

// One value, or undefined when nothing or more than one distinct value qualifies.
function unique(values: Iterable<string>): string | undefined {
  const set = new Set(values);
  return set.size === 1 ? set.values().next().value : undefined;
}

// Resolves a typed answer to a choice value, or undefined when unknown or ambiguous.
export function matchChoice(input: string, choices: readonly MatchableChoice[]): string | undefined {
  const raw = input.trim();

  // "2", "2." or "2)" picks by position in the displayed list.
  const num = /^(\d+)\s*[.)]?$/.exec(raw);
  if (num) {
    const n = Number(num[1]);
    if (n >= 1 && n <= choices.length) return choices[n - 1]!.value;
  }

  const q = normalizeText(raw);
  if (q === '') return undefined;
  const qLen = Array.from(q).length;
  const singleWord = !q.includes(' ');

  const labels: Label[] = [];
  for (const c of choices) {
    for (const l of c.labels) {
      const text = normalizeText(l);
      if (text === '') continue;
      const words = text.split(' ');
      labels.push({ value: c.value, text, words: words.length > 1 ? words : [] });
    }
  }

  // A tier that finds candidates decides: unique wins, a tie means ambiguous.
  const exact = labels.filter((l) => l.text === q);
  if (exact.length > 0) return unique(exact.map((l) => l.value));

  // Label begins with what was typed ("bant"), or the answer begins with the
  // whole label as a word ("tidak mau"). Word boundary stops "nomor" -> "no".
  const prefix = labels.filter(
    (l) => (qLen >= 3 && l.text.startsWith(q)) || q.startsWith(l.text + ' '),
  );
  if (prefix.length > 0) return unique(prefix.map((l) => l.value));

  // Same for a word inside a multi-word label ("stat" -> "Cek status").
  if (singleWord && qLen >= 4) {
    const wordPrefix = labels.filter((l) => l.words.some((w) => w.startsWith(q)));
    if (wordPrefix.length > 0) return unique(wordPrefix.map((l) => l.value));
  }

  // Closest label within its typo budget; single words may also match one word of a label.
  let best = Infinity;
  let bestValues: string[] = [];
  const consider = (value: string, target: string): void => {
    const allowed = allowedDistance(Array.from(target).length);
    const d = editDistance(q, target, allowed);
    if (d > allowed) return;
    if (d < best) {
      best = d;
      bestValues = [value];
    } else if (d === best) {
      bestValues.push(value);
    }
  };
  for (const l of labels) {
    consider(l.value, l.text);
    if (singleWord && qLen >= 4) for (const w of l.words) consider(l.value, w);
  }
  return unique(bestValues);
}
