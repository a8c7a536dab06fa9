import type { Lang, Session } from './types.js';

/** A fresh conversation: the main menu, in the person's language. */
export function newSession(lang: Lang, now: number): Session {
  return {
    v: 1,
    lang,
    flow: 'menu',
    step: 'main',
    answers: {},
    trail: [],
    misses: 0,
    pending: null,
    editing: false,
    drafts: {},
    lastActiveAt: now,
  };
}

/** Parses a stored session, falling back to a fresh one when the shape is from an older version. */
export function restoreSession(json: string | undefined, lang: Lang, now: number): Session {
  if (!json) return newSession(lang, now);
  try {
    const s = JSON.parse(json) as Session;
    if (s && s.v === 1 && typeof s.flow === 'string' && typeof s.step === 'string') return s;
  } catch {
    // A corrupt row must not lock the person out: start again from the menu.
  }
  return newSession(lang, now);
}
