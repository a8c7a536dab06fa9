// Locale keys as types, read from the Indonesian file (the one every other language must match), so
// a misspelt or removed key fails `tsc` instead of reaching a person as "reg.fild.nik".
import type id from '../../locales/id.json';

/** i18next's plural suffixes: `x_one` + `x_other` are one key `x`, called with `count`. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

type Leaves<O, P extends string = ''> = {
  [K in keyof O & string]: O[K] extends string
    ? K extends `${infer Base}_${PluralSuffix}`
      ? `${P}${Base}`
      : `${P}${K}`
    : Leaves<O[K], `${P}${K}.`>;
}[keyof O & string];

type Namespaces<O, P extends string = ''> = {
  [K in keyof O & string]: O[K] extends string ? never : `${P}${K}.` | Namespaces<O[K], `${P}${K}.`>;
}[keyof O & string];

/** Every key a translator accepts, e.g. 'reg.field.nik'. */
export type LocaleKey = Leaves<typeof id>;

/** Every group of keys, with its trailing dot, e.g. 'reg.field.'. */
export type LocaleNamespace = Namespaces<typeof id>;

/** The rest of the keys under a prefix: KeysUnder<'reg.'> holds 'field.nik', 'consent', … */
export type KeysUnder<P extends string> = LocaleKey extends infer K ? (K extends `${P}${infer Rest}` ? Rest : never) : never;

/**
 * A key built from a name only known at run time (a stored flow id, a knowledge-base topic) in a
 * group that exists. Where the name already has a union type, write the template literal instead:
 * it is checked in full.
 */
export function keyIn(namespace: LocaleNamespace, name: string): LocaleKey {
  return `${namespace}${name}` as LocaleKey;
}
