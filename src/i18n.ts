import i18next, { type i18n } from 'i18next';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS, type Lang, type T } from './core/types.js';

const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'locales');

/** Reads locales/<lang>.json for every supported language. */
export function loadLocales(dir = LOCALES_DIR): Record<Lang, Record<string, unknown>> {
  const out = {} as Record<Lang, Record<string, unknown>>;
  for (const lang of LANGS) out[lang] = JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8'));
  return out;
}

/**
 * A synchronous i18next instance (Indonesian first, English second) and a cached translator per
 * language, so each message uses a fixed `t` for the person's language.
 */
export function createTranslator(resources = loadLocales()): (lang: Lang) => T {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    lng: 'id',
    fallbackLng: 'id',
    supportedLngs: [...LANGS],
    initAsync: false,
    resources: Object.fromEntries(Object.entries(resources).map(([l, r]) => [l, { translation: r }])),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const fixed = new Map<Lang, T>();
  const interpolator = instance.services.interpolator;
  for (const lang of LANGS) {
    const t = instance.getFixedT(lang);
    // Each key is resolved by i18next once (with its fallbacks); values are then filled in by
    // i18next's own interpolator, which skips the per-call option handling of t() on a hot path.
    const templates = new Map<string, string>();
    const template = (key: string): string => {
      let text = templates.get(key);
      if (text === undefined) {
        text = String(t(key, { interpolation: { skipOnVariables: true }, skipInterpolation: true }));
        templates.set(key, text);
      }
      return text;
    };
    fixed.set(lang, (key, params) => {
      const text = template(key);
      if (!params || !text.includes('{{')) return text;
      return interpolator.interpolate(text, params, lang, {});
    });
  }
  return (lang) => fixed.get(lang) ?? fixed.get('id')!;
}
