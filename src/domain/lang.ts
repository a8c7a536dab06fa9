/** The languages the bot speaks: Indonesian first, English second (locales/id.json, locales/en.json). */
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
