import i18next from 'i18next';
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
 * A synchronous i18next instance (Indonesian first, English second) and a translator per language,
 * used only through i18next's public `t`, so plurals (`count`), formatting and fallbacks work.
 */
export function createTranslator(resources = loadLocales()): (lang: Lang) => T {
  const instance = i18next.createInstance();
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
  for (const lang of LANGS) {
    // A text depends only on its key and values, and most messages repeat the last ones (the menu,
    // the questions with the regency's figures): the last text of each key is kept and reused while
    // its values are the same. Only keys that exist get an entry, so this stays as small as the file.
    const made = new Map<string, Made>();
    fixed.set(lang, (typedKey, params) => {
      // i18next's own key typing knows nothing of our files; a plain string keeps its types cheap.
      const key: string = typedKey;
      const last = made.get(key);
      if (last !== undefined && sameValues(last, params)) return last.text;
      const text =
        params === undefined
          ? instance.t(key, { lng: lang })
          : // Values go in `replace` so that a placeholder never doubles as an i18next option (lng,
            // ns, context, defaultValue…); `count` is passed as the option too, to pick the plural.
            instance.t(key, { lng: lang, replace: params, count: params.count as number | undefined });
      if (last !== undefined || instance.exists(key, { lng: lang })) {
        made.set(key, { params: params && { ...params }, size: params ? Object.keys(params).length : 0, text });
      }
      return text;
    });
  }
  return (lang) => fixed.get(lang) ?? fixed.get('id')!;
}

/** The last text a key gave, with the values it was given (copied: a caller may reuse its object). */
interface Made {
  params: Record<string, unknown> | undefined;
  size: number;
  text: string;
}

/** Same primitive values under the same names; an object value is never taken as unchanged. */
function sameValues(last: Made, params: Record<string, unknown> | undefined): boolean {
  if (params === undefined || last.params === undefined) return params === last.params;
  let n = 0;
  for (const name in params) {
    const v = params[name];
    if ((typeof v === 'object' && v !== null) || typeof v === 'function' || v !== last.params[name] || !(name in last.params)) return false;
    n++;
  }
  return n === last.size;
}
