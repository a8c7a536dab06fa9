import { editDistance, normalizeText } from '../domain/normalize.js';
import { matchChoice } from '../domain/match.js';
import type { ChoiceDef } from './types.js';

/**
 * A choice typed exactly: its number, its label or an alias (case, accents and punctuation aside),
 * or the whole label with a typo. Nothing more: a sentence that merely starts with a menu word is
 * a question, not a choice.
 */
export function exactChoice(text: string, choices: ChoiceDef[]): string | undefined {
  const num = /^\s*(\d+)\s*[.)]?\s*$/.exec(text);
  if (num) {
    const n = Number(num[1]);
    return n >= 1 && n <= choices.length ? choices[n - 1]!.value : undefined;
  }
  const q = normalizeText(text);
  // "iuran?" asks about contributions; "iuran" picks the menu item.
  if (!q || text.trim().endsWith('?')) return undefined;
  const hits = new Set<string>();
  for (const ch of choices) {
    for (const l of [ch.label, ...(ch.aliases ?? [])]) if (normalizeText(l) === q) hits.add(ch.value);
    if (ch.pattern?.test(q)) hits.add(ch.value);
  }
  if (hits.size === 1) return [...hits][0];
  if (hits.size > 1) return undefined;
  // The whole label or alias, mistyped ("pendaftran", "hitung iuaran"), or stretched ("yaaa").
  const folded = q.replace(/(\p{L})\1+/gu, '$1');
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const ch of choices) {
    for (const l of [ch.label, ...(ch.aliases ?? [])]) {
      const label = normalizeText(l);
      const allowed = label.length >= 8 ? 2 : label.length >= 4 ? 1 : 0;
      const d = Math.min(editDistance(q, label, allowed), editDistance(folded, label.replace(/(\p{L})\1+/gu, '$1'), allowed));
      if (d > allowed) continue;
      if (d < bestDistance) {
        best = ch.value;
        bestDistance = d;
        tie = false;
      } else if (d === bestDistance && best !== ch.value) {
        tie = true;
      }
    }
  }
  return tie ? undefined : best;
}

/** A choice by number or label, typo-tolerant, with stretched letters folded; also "ya betul" for "ya". */
export function pickChoice(text: string, choices: ChoiceDef[]): string | undefined {
  const matchable = choices.map((ch) => ({ value: ch.value, labels: [ch.label, ...(ch.aliases ?? [])] }));
  const hit = matchChoice(text, matchable);
  if (hit !== undefined) return hit;
  // Chat spellings stretch letters ("yaaa", "gakkk"): try once more with repeats folded.
  const folded = text.replace(/(\p{L})\1+/gu, '$1');
  return folded !== text ? matchChoice(folded, matchable) : undefined;
}
