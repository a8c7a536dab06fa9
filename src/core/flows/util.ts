import { z } from 'zod';
import { parseIncome } from '../../domain/income.js';
import type { LocaleKey } from '../locale-key.js';
import type { ChoiceDef, StepEnv } from '../types.js';

export type Parsed<V> = { ok: true; value: V } | { ok: false; error: string; params?: Record<string, unknown> };

/**
 * Wraps a small parser as a zod schema whose issue message is a locale key, so every typed answer
 * goes through the same validation path and re-prompt.
 */
export function textAnswer<V>(parse: (text: string) => Parsed<V>): z.ZodType<V> {
  return z.string().transform((text, ctx) => {
    const r = parse(text.trim());
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.error.startsWith('err.') ? r.error : `err.${r.error}`, params: r.params });
    return z.NEVER;
  }) as unknown as z.ZodType<V>;
}

/** A person's name as on the KTP: letters, spaces and the punctuation names really use. */
export function parseName(text: string): Parsed<string> {
  const name = text.replace(/\s+/g, ' ').trim();
  if (/\d/.test(name)) return { ok: false, error: 'err.name_digits' };
  if (name.replace(/[^\p{L}]/gu, '').length < 2 || name.length > 100 || !/^[\p{L} .,'-]+$/u.test(name)) {
    return { ok: false, error: 'err.name' };
  }
  return { ok: true, value: name.replace(/(^|[\s'-])(\p{L})/gu, (m) => m.toUpperCase()) };
}

/** Free text within length limits (places, addresses, occupations). */
export function parseFreeText(min: number, max: number, error: LocaleKey = 'err.text_length') {
  return (text: string): Parsed<string> => {
    const v = text.replace(/\s+/g, ' ').trim();
    // A NIK typed into the wrong question must not be stored and shown unmasked.
    if (/(?:\d[\s.-]?){15}\d/.test(v)) return { ok: false, error: 'err.text_has_nik' };
    return v.length >= min && v.length <= max ? { ok: true, value: v } : { ok: false, error, params: { min, max } };
  };
}

/** Yes / no choices with the usual informal spellings. */
export function yesNo({ t }: StepEnv, yesKey: LocaleKey = 'common.yes', noKey: LocaleKey = 'common.no'): ChoiceDef[] {
  return [
    { value: 'yes', label: t(yesKey), aliases: ['ya', 'iya', 'y', 'yes', 'yoi', 'betul', 'benar', 'setuju', 'sudah'] },
    { value: 'no', label: t(noKey), aliases: ['tidak', 'tdk', 'gak', 'ga', 'nggak', 'enggak', 'no', 'belum', 'blm'] },
  ];
}

/**
 * "I don't know" as people type it (on normalised text): a no-word with a know-word ("ga tau",
 * "belum tahu", "kurang tau", "tdk yakin", "gatau"), or a word of its own ("entah", "lupa"), with
 * an optional "saya" before and a particle after ("ga tau kak"). Never a plain no: "belum" alone is no.
 */
export const UNSURE =
  /^(?:(?:saya|sy|sya|aku|ak|gw|gue|gua|kami)\s+)?(?:(?:ga|gak|gk|g|gag|nggak|ngga|nggk|ngak|enggak|engga|tidak|tdk|tak|ndak|nda|blm|belum|blum|kurang|krg|kurg|kurng)\s*(?:tau|tahu|tw|tauk|taw|tao|yakin|paham|ngerti|mengerti|pasti|ingat|inget|jelas)|entah|entahlah|ntah|lupa|ragu|ragu ragu|mungkin|not sure|unsure|dont know|don t know|do not know|i don t know|i dont know|idk|no idea)(?:\s+(?:juga|ya|sih|kak|pak|bu|mas|mbak|min|deh|dong|nih))*$/;

/** Yes / no / not sure. */
export function yesNoUnsure(env: StepEnv): ChoiceDef[] {
  return [
    ...yesNo(env),
    { value: 'unsure', label: env.t('common.unsure'), aliases: ['tidak tahu', 'gatau', 'ga tau', 'nggak tahu', 'entah', 'not sure', 'unsure', 'lupa'], pattern: UNSURE },
  ];
}

/** Monthly income in everyday words ("1,5 juta", "1500rb"), used by the calculator and registration. */
export function incomeAnswer(): z.ZodType<number> {
  return textAnswer((text) => {
    const r = parseIncome(text);
    return r.ok ? { ok: true, value: r.rupiah } : { ok: false, error: r.error };
  });
}
