// Which regency a person deals with, in a deployment that serves several (src/regencies.ts): asked
// once, before anything a regency decides (who may join, who pays, the consent's controller, where
// a question goes). A regency's Telegram link or WhatsApp link, a channel's own regency, or a
// cadre's village has already answered it; what a person answered can be changed ("ganti
// kabupaten", or "in another regency" at the kecamatan) until the registration is sent.
import { z } from 'zod';
import { editDistance, normalizeText } from '../../domain/normalize.js';
import type { ProgrammeSettings } from '../../settings.js';
import type { ChoiceDef, Ctx, FlowDef, RegencyChoice, RegistrationView, Session, StepDef, StepEnv, Transition } from '../types.js';
import { UNSURE } from './util.js';

/** Words around a place's name that say nothing about which place it is (and chat particles). */
const FILLER = new Set(
  (
    'saya sy sya aku ak gw gue kami kita tinggal tnggal tgl tinggalnya domisili rumah rmh alamat di d dari dr dri daerah wilayah ' +
    'desa ds kelurahan kel kecamatan kec kab kabupaten provinsi prov asal asli orang org warga ' +
    'yg yang itu ini sana sini skrg sekarang sekarng kak kakak mas mbak mba pak bu bapak ibu bang dek gan min ' +
    'dong aja saja ya yaa iya sih nih deh kok loh lah kah tuh pun juga nya ' +
    'i live in at from the village district regency my is im am staying stay near dekat ' +
    'ulun ja jua haja kalsel kalteng babel kalimantan kep kepulauan belitung province indonesia'
  ).split(' '),
);

/** Numbers as place names write them ("Kertak Hanyar 2" is "Kertak Hanyar II"). */
const ROMAN: Record<string, string> = { 1: 'i', 2: 'ii', 3: 'iii', 4: 'iv', 5: 'v', 6: 'vi', 7: 'vii', 8: 'viii', 9: 'ix', 10: 'x' };
/** How Kalimantan writes "sungai" ("Sei Tabuk", "Sui Lulut"). */
const SHORT: Record<string, string> = { sei: 'sungai', sui: 'sungai', sng: 'sungai' };

/** A name or answer folded for comparing: case, accents and punctuation gone, numbers as roman numerals. */
function fold(text: string): string {
  return normalizeText(text)
    .split(' ')
    .map((w) => ROMAN[w] ?? SHORT[w] ?? w)
    .join(' ');
}

/** The place words of an answer ("saya tinggal di desa Sungai Tabuk kak" → "sungai tabuk"). */
function placeWords(text: string): string {
  return fold(text)
    .split(' ')
    .filter((w) => w && !FILLER.has(w))
    .join(' ');
}

/** Words that start a place's part of an answer ("desa X kecamatan Y kabupaten Z"): the answer is read part by part. */
const MARKERS = /\b(?:desa|ds|kelurahan|kel|kecamatan|kec|kabupaten|kab|village|district|regency)\b|[,;/]/g;

/** How many typos a name of this length may carry and still be that name. */
const allowed = (len: number) => (len >= 8 ? 2 : len >= 5 ? 1 : 0);

/** Words too common in place names to be read as a typo of one ("sungai" is not "Sungkai", "barat" not "Barut"). */
const COMMON = new Set('sungai barat timur utara selatan tengah baru lama jaya makmur sari indah tanjung kampung kota pasar batu air muara teluk pulau gunung bukit simpang danau hulu hilir ilir besar kecil raya'.split(' '));

/** Whether `q` is `name`, or it with a typo or two, or (five letters at least) its beginning. */
function near(q: string, name: string): number | undefined {
  if (q === name) return 0;
  if (COMMON.has(q)) return undefined;
  const d = editDistance(q, name, allowed(name.length));
  if (d <= allowed(name.length)) return d;
  // The beginning of a name, when it is most of it ("batulic" for Batulicin; not "bangka" for "Bangka Kota").
  if (q.length >= 5 && q.length / name.length >= 0.6 && name.startsWith(q)) return allowed(name.length) + 1;
  return undefined;
}

/** A regency's names as people write them: its short name, its name without "Kabupaten", its local abbreviations. */
function regencyLabels(r: RegencyChoice): string[] {
  const { regency } = r.settings;
  const labels = [regency.shortName, regency.name.replace(/^kabupaten\s+/i, ''), ...(regency.aliases ?? [])];
  return [...new Set(labels.map((l) => fold(l)).filter(Boolean))];
}

/** A regency's abbreviations ("barut", "tanbu") count only as typed: one letter off is often another word ("barat"). */
function isAlias(r: RegencyChoice, label: string): boolean {
  return (r.settings.regency.aliases ?? []).some((a) => fold(a) === label);
}

interface Place {
  key: string;
  kecamatan: string;
  desa?: string;
  name: string;
}

/** Every place of the regencies, and by folded name, built once per list (the app passes the registry's, the same array until a reload). */
const placesCache = new WeakMap<readonly RegencyChoice[], { places: Place[]; byName: Map<string, Place[]> }>();

function indexOf(regencies: readonly RegencyChoice[]): { places: Place[]; byName: Map<string, Place[]> } {
  let index = placesCache.get(regencies);
  if (!index) {
    const places = buildPlaces(regencies);
    const byName = new Map<string, Place[]>();
    for (const p of places) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
    index = { places, byName };
    placesCache.set(regencies, index);
  }
  return index;
}

const placesOf = (regencies: readonly RegencyChoice[]): Place[] => indexOf(regencies).places;

function buildPlaces(regencies: readonly RegencyChoice[]): Place[] {
  return regencies.flatMap((r) =>
    r.settings.areas.flatMap((a) => [
      { key: r.key, kecamatan: a.kecamatan, name: fold(a.kecamatan) } as Place,
      ...a.desa.map((d) => ({ key: r.key, kecamatan: a.kecamatan, desa: d, name: fold(d) })),
    ]),
  );
}

/** What a typed place or regency is: the regencies it may be (none, one, or several), and the place when it is one. */
export interface WhereReading {
  keys: string[];
  kecamatan?: string;
  desa?: string;
}

/** The place `q` names among `places`: exact names first, else the closest within their typo budget (whole names only). */
function lookUp(q: string, places: readonly Place[]): WhereReading {
  const exact = places.filter((p) => p.name === q);
  const found = exact.length > 0 ? exact : closest(q, places);
  const keys = [...new Set(found.map((p) => p.key))];
  if (keys.length !== 1) return { keys };
  // A kecamatan named like one of its desa ("Sungai Tabuk") is the kecamatan; one desa is that desa;
  // several ("kusan": Kusan Hilir, Kusan Hulu) are only the regency.
  const kecamatans = [...new Set(found.filter((p) => p.desa === undefined).map((p) => p.kecamatan))];
  if (kecamatans.length === 1) return { keys, kecamatan: kecamatans[0] };
  return found.length === 1 ? { keys, kecamatan: found[0]!.kecamatan, desa: found[0]!.desa } : { keys };
}

function closest(q: string, places: readonly Place[]): Place[] {
  let best = Infinity;
  let hits: Place[] = [];
  for (const p of places) {
    const d = near(q, p.name);
    if (d === undefined) continue;
    if (d < best) [best, hits] = [d, [p]];
    else if (d === best) hits.push(p);
  }
  return hits;
}

/**
 * Where a typed answer says the person lives: a regency's name or local abbreviation ("tanbu"), a
 * desa or kecamatan of one regency, or both ("simpang empat tanah bumbu"), with typos and filler
 * words. A name found in several regencies gives them all; anything left over that is neither (a
 * regency the deployment does not serve, "banjar baru") gives none, rather than a guess.
 */
/** Provinces (and their short forms) no served regency is in: an answer naming one is not a served place ("kota banjar jawa barat"). */
const PROVINCES: [RegExp, string][] = [
  [/\b(aceh|nad)\b/, 'aceh'],
  [/\b(sumatera|sumatra|sumut|sumbar|sumsel)\b/, 'sumatera'],
  [/\b(riau|kepri|jambi|bengkulu|lampung|banten|jakarta|dki|gorontalo|maluku|papua)\b/, 'other'],
  [/\b(jawa|jabar|jateng|jatim|yogyakarta|jogja|jogjakarta|diy)\b/, 'jawa'],
  [/\b(bali|ntb|ntt|nusa tenggara)\b/, 'nusa tenggara'],
  [/\b(kalbar|kaltim|kaltara|kalimantan (barat|timur|utara))\b/, 'kalimantan'],
  [/\b(sulawesi|sulut|sulteng|sulsel|sultra|sulbar)\b/, 'sulawesi'],
];

/** Whether the answer names a province none of the regencies served is in. */
function foreignProvince(text: string, regencies: readonly RegencyChoice[]): boolean {
  const served = fold(regencies.map((r) => r.settings.regency.province ?? '').join(' '));
  return PROVINCES.some(([re]) => {
    const m = re.exec(text);
    return m !== null && !served.includes(m[0]);
  });
}

export function readWhere(text: string, regencies: readonly RegencyChoice[]): WhereReading {
  if (foreignProvince(fold(text), regencies)) return { keys: [] };
  // A place's whole name as typed ("Kota Baru", "Kampung Baru"), before any word is taken for filler.
  const folded = fold(text);
  const whole = lookUp(folded, placesOf(regencies).filter((p) => p.name === folded));
  if (whole.keys.length > 0) return whole;
  const one = readPart(text, regencies);
  if (one.keys.length > 0) return one;
  // Known names anywhere in a longer answer ("alamat sy jl a yani km 40 desa tungkaran martapura rt 03").
  const found = scan(text, regencies);
  if (found) return found;
  // "desa X kecamatan Y kabupaten Z", "X, Y": part by part, each narrowing the last.
  const parts = text.split(MARKERS).map((p) => p.trim()).filter((p) => placeWords(p).length >= 3);
  if (parts.length > 1) return combine(parts.map((p) => readPart(p, regencies)), regencies);
  // "kampung baru kusan hilir": a desa then its kecamatan (or a kecamatan then its regency), unmarked.
  const words = placeWords(text).split(' ');
  for (let i = 1; i < words.length; i++) {
    const a = readPart(words.slice(0, i).join(' '), regencies);
    const b = readPart(words.slice(i).join(' '), regencies);
    if (a.keys.length > 0 && b.keys.length > 0) {
      const both = combine([a, b], regencies);
      if (both.keys.length === 1) return both;
    }
  }
  return { keys: [] };
}

interface Span {
  from: number;
  to: number;
}
const inside = (a: Span, b: Span) => a.from >= b.from && a.to <= b.to && a.to - a.from < b.to - b.from;
const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to;

/**
 * The regency and place named somewhere in an answer, exactly (after folding): every run of words
 * that is a regency's name or a place's, the longer winning over the runs inside it. Trusted when
 * a regency is named, or the place is a kecamatan, a name of several words, a desa with its own
 * kecamatan, or a one-word desa that is most of what was said (so "tanjung tabalong" is no "Tanjung").
 */
function scan(text: string, regencies: readonly RegencyChoice[]): WhereReading | undefined {
  const words = fold(text).split(' ').filter(Boolean);
  const content = words.filter((w) => !FILLER.has(w) && !/^\d+$/.test(w));
  const mentions: (Span & { key: string })[] = [];
  for (const r of regencies) {
    for (const label of regencyLabels(r)) {
      const n = label.split(' ').length;
      for (let i = 0; i + n <= words.length; i++) {
        // "Kota Banjar" (West Java's city) is not Kabupaten Banjar.
        if (words.slice(i, i + n).join(' ') === label && words[i - 1] !== 'kota') mentions.push({ from: i, to: i + n, key: r.key });
      }
    }
  }
  const { byName } = indexOf(regencies);
  let hits: (Span & { places: Place[] })[] = [];
  for (let n = 1; n <= 5; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const places = byName.get(words.slice(i, i + n).join(' '));
      if (places) hits.push({ from: i, to: i + n, places });
    }
  }
  hits = hits.filter((h) => !hits.some((o) => inside(h, o)) && !mentions.some((m) => overlaps(h, m)));
  const named = [...new Set(mentions.map((m) => m.key))];
  if (named.length > 1) return undefined;
  const allowed = named.length === 1 ? named : [...new Set(hits.flatMap((h) => h.places.map((p) => p.key)))];
  // The regencies every place named allows (a place in none of them is passed over as noise).
  let keys = allowed;
  for (const h of hits) {
    const narrowed = keys.filter((k) => h.places.some((p) => p.key === k));
    if (narrowed.length > 0) keys = narrowed;
  }
  if (keys.length === 0) return undefined;
  if (keys.length > 1) return hits.length > 0 ? { keys } : undefined;
  const key = keys[0]!;
  const mine = hits.map((h) => ({ ...h, places: h.places.filter((p) => p.key === key) })).filter((h) => h.places.length > 0);
  const kecamatan = mine.flatMap((h) => h.places.filter((p) => p.desa === undefined)).map((p) => p.kecamatan)[0];
  const desa = mine.flatMap((h) => h.places.filter((p) => p.desa !== undefined && (!kecamatan || p.kecamatan === kecamatan)));
  const oneDesa = desa.length === 1 ? desa[0] : undefined;
  const trusted =
    named.length === 1 ||
    kecamatan !== undefined ||
    mine.some((h) => h.to - h.from > 1) ||
    (oneDesa !== undefined && content.length > 0 && 1 / content.length > 0.5);
  if (!trusted) return undefined;
  if (oneDesa) return { keys, kecamatan: oneDesa.kecamatan, desa: oneDesa.desa };
  return kecamatan ? { keys, kecamatan } : { keys };
}

/**
 * What the parts of an answer say together: the regencies every part allows (a part that names
 * nothing is passed over, "kalsel 72211"), and the desa when a desa part lies in a kecamatan part.
 */
function combine(readings: readonly PartReading[], regencies: readonly RegencyChoice[]): WhereReading {
  const known = readings.filter((r) => r.keys.length > 0);
  if (known.length === 0) return { keys: [] };
  let keys = known[0]!.keys;
  for (const r of known.slice(1)) keys = keys.filter((k) => r.keys.includes(k));
  if (keys.length !== 1) return { keys };
  const kecamatan = known.find((r) => r.kecamatan && !r.desa)?.kecamatan ?? known.find((r) => r.kecamatan)?.kecamatan;
  const desaPart = known.find((r) => r.desa && (!kecamatan || r.kecamatan === kecamatan));
  if (desaPart) return { keys, kecamatan: desaPart.kecamatan, desa: desaPart.desa };
  // A desa named with its kecamatan, where the desa alone was ambiguous: looked up within that kecamatan.
  if (kecamatan) {
    const area = regencies.find((r) => r.key === keys[0])?.settings.areas.find((a) => a.kecamatan === kecamatan);
    for (const r of readings) {
      if (!r.text || !area) continue;
      const d = area.desa.find((x) => fold(x) === r.text);
      if (d) return { keys, kecamatan, desa: d };
    }
  }
  return { keys, kecamatan };
}

/** What one part of an answer names, with its place words when it named a place (combine looks a desa up by them). */
type PartReading = WhereReading & { text?: string };

/** One part of an answer: a regency's name, a place, or both ("simpang empat tanah bumbu"). */
function readPart(text: string, regencies: readonly RegencyChoice[]): PartReading {
  const q = placeWords(text);
  if (q.length < 3) return { keys: [] };
  const words = q.split(' ');
  // A regency named in the answer, as whole words: the words left are a place of that regency, or nothing.
  const mentions: { key: string; rest: string; typos: number }[] = [];
  for (const r of regencies) {
    for (const label of regencyLabels(r)) {
      const n = label.split(' ').length;
      for (let i = 0; i + n <= words.length; i++) {
        const window = words.slice(i, i + n).join(' ');
        const typos = isAlias(r, label) ? (window === label ? 0 : undefined) : near(window, label);
        if (typos === undefined || typos > allowed(label.length)) continue;
        mentions.push({ key: r.key, rest: [...words.slice(0, i), ...words.slice(i + n)].join(' '), typos });
      }
    }
  }
  const named = [...new Set(mentions.map((m) => m.key))];
  if (named.length === 1) {
    const rests = mentions.map((m) => m.rest).sort((a, b) => a.length - b.length);
    const rest = rests[0]!;
    if (rest === '') return { keys: named };
    const place = lookUp(rest, placesOf(regencies).filter((p) => p.key === named[0]));
    // A place of that regency; else the regency itself is only trusted when nothing else is in the answer.
    if (place.keys.length === 1) return place;
  }
  const place = lookUp(q, placesOf(regencies));
  if (place.keys.length > 0) return { ...place, text: q };
  // Two regencies named (or one with words that are no place of it): not a guess.
  return { keys: [] };
}

/** The regency a NIK's region prefix names, when the deployment serves it: a hint, never proof (people move). */
export function regencyOfNik(nik: unknown, regencies: readonly RegencyChoice[] | undefined): RegencyChoice | undefined {
  const digits = typeof nik === 'string' ? nik.replace(/\D/g, '') : '';
  if (digits.length < 4 || !regencies) return undefined;
  return regencies.find((r) => r.settings.regency.code?.replace('.', '') === digits.slice(0, 4));
}

const nameOf = (r: RegencyChoice) => r.settings.regency.name;

function regencyChoices(regencies: readonly RegencyChoice[], only?: readonly string[]): ChoiceDef[] {
  return regencies
    .filter((r) => !only || only.includes(r.key))
    .map((r) => ({ value: r.key, label: nameOf(r), aliases: [...regencyLabels(r), `kab ${r.settings.regency.shortName}`] }));
}

/** Several regencies served (the context lists them). */
export function several(c: Ctx): boolean {
  return !!c.regencies && c.regencies.length > 1;
}

/** Whether this conversation still has to ask: several regencies and none known for the person. */
export function needsRegency(s: Session, c: Ctx): boolean {
  return several(c) && !s.regency;
}

/** Names in a sentence: "A, B dan C". */
export function joinNames(env: Pick<StepEnv, 't'>, names: readonly string[]): string {
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${env.t('common.and')} ${names.at(-1)}`;
}

/**
 * Answers that belong to one regency's settings (where they live, their group, occupation, the
 * eligibility check's kecamatan and village role): kept when the new regency has them too, else
 * dropped so they are asked again (the summary shows them as not given).
 */
function dropForeignAnswers(answers: Record<string, unknown>, settings: ProgrammeSettings): void {
  const area = settings.areas.find((a) => a.kecamatan === answers.kecamatan);
  if (answers.kecamatan !== undefined && !area) delete answers.kecamatan;
  if (answers.desa !== undefined && !area?.desa.includes(String(answers.desa))) delete answers.desa;
  if (answers.area !== undefined && answers.area !== 'outside' && !settings.areas.some((a) => a.kecamatan === answers.area)) delete answers.area;
  if (answers.area === 'outside') delete answers.area;
  const group = settings.groups.find((g) => g.id === answers.groupId);
  if (answers.groupId !== undefined && !group) delete answers.groupId;
  // The programme choice ("JKK+JKM") is kept when the new regency's group offers each of them.
  const programmes = answers.programmes === undefined ? undefined : String(answers.programmes).split('+');
  if (programmes && (!group || !programmes.every((p) => (group.programmes as readonly string[]).includes(p)))) delete answers.programmes;
  if (answers.role !== undefined && !settings.groups.some((g) => g.id === answers.role)) delete answers.role;
  if (answers.occupation !== undefined && !settings.occupations.some((o) => o.id === answers.occupation)) delete answers.occupation;
}

/**
 * Moves the person to regency `key` (their answer, or a regency's link): answers of the old regency
 * it does not have are dropped; in a registration whose consent named the old regency's controller,
 * the consent is asked again (for the new one) before going on to `next`. The step to go to.
 */
function moveTo(env: StepEnv, key: string, by: Session['regencyBy'], next: string | null): string | null {
  const { s, c } = env;
  const from = (s.answers._whereFrom as string | undefined) ?? s.regency;
  delete s.answers._whereFrom;
  delete s.answers._whereAsk;
  delete s.answers.regencyOptions;
  s.regency = key;
  s.regencyBy = by;
  const settings = c.regencies?.find((r) => r.key === key)?.settings;
  if (!from || from === key || !settings) return next;
  dropForeignAnswers(s.answers, settings);
  // A parked registration is the new regency's too: its answers are checked, its consent asked again when it is resumed.
  const draft = s.drafts.registration;
  if (draft && s.flow !== 'registration') {
    dropForeignAnswers(draft.answers, settings);
    if (draft.answers.consentAt !== undefined) {
      delete draft.answers.consentAt;
      delete draft.answers.consentVersion;
      draft.answers._afterConsent = draft.step === 'consent' || draft.step === 'where' ? undefined : draft.step;
      draft.step = 'consent';
    }
  }
  if (s.flow === 'registration' && s.answers.consentAt !== undefined) {
    delete s.answers.consentAt;
    delete s.answers.consentVersion;
    s.answers._afterConsent = next ?? 'summary';
    return 'consent';
  }
  return next;
}

/** Where the where-steps go on to: back to where the change was asked from, the summary when editing, else `then`. */
function onward(env: StepEnv, then: string | null): string | null {
  const back = env.s.answers._whereReturn;
  if (back !== undefined) {
    delete env.s.answers._whereReturn;
    return back === '' ? null : String(back);
  }
  return env.s.editing ? 'summary' : then;
}

/**
 * The "where do you live?" steps of a flow, `then` being the step after them (null: the end of the
 * flow, back to the menu). Skipped when the deployment serves one regency, or the person's is known.
 */
export function whereSteps(then: string | null): StepDef[] {
  const regencyName = (v: unknown, env: StepEnv) => env.c.regencies?.find((r) => r.key === v)?.settings.regency.name ?? String(v);
  const done = (env: StepEnv, key: string, said: string): Transition => {
    const to = moveTo(env, key, 'answer', onward(env, then));
    return { to, say: [said] };
  };
  return [
    {
      id: 'where',
      // Kept apart from the answers a summary shows, and cleared once acted on.
      field: '_whereAnswer',
      skip: (env) => !needsRegency(env.s, env.c) && env.s.answers._whereAsk !== true,
      prompt: (env) => {
        const hint = regencyOfNik(env.s.answers.nik, env.c.regencies);
        const lines = [env.t('where.prompt')];
        if (hint) lines.push(env.t('where.nik_hint', { regency: nameOf(hint) }));
        return lines.join('\n\n');
      },
      help: 'help.where',
      // "kabupaten bangka" is not Bangka Barat: a regency's name is read by readWhere, whole words only.
      strictChoices: true,
      choices: (env) => regencyChoices(env.c.regencies ?? []),
      // A typed regency, place, or both (readWhere); a number out of the list, "don't know" and the rest each get their own way on.
      answer: (env) =>
        z.string().transform((text, ctx) => {
          const found = readWhere(text, env.c.regencies ?? []);
          if (found.keys.length > 0) return found.keys.length === 1 ? { key: found.keys[0]!, kecamatan: found.kecamatan, desa: found.desa } : { several: found.keys };
          const trimmed = text.trim();
          const max = env.c.regencies?.length ?? 0;
          const message = /^\d+$/.test(trimmed) ? 'err.choice' : UNSURE.test(normalizeText(trimmed)) ? 'err.where_unsure' : 'err.where_unknown';
          ctx.addIssue({ code: 'custom', message, params: { max } });
          return z.NEVER;
        }),
      next: (value, env): Transition | string | null => {
        delete env.s.answers._whereAnswer;
        // Skipped (one regency, or theirs known): straight on.
        if (value === undefined) return then;
        if (typeof value === 'string') return done(env, value, env.t('where.chosen', { regency: regencyName(value, env) }));
        const v = value as { key?: string; kecamatan?: string; desa?: string; several?: string[] };
        if (v.several) {
          env.s.answers.regencyOptions = v.several;
          return 'whereWhich';
        }
        // The place they named is kept as their answer to the registration's own questions (shown, and kept with "ok").
        if (v.kecamatan && env.s.flow === 'registration') {
          if (env.s.answers.kecamatan !== v.kecamatan) delete env.s.answers.desa;
          env.s.answers.kecamatan = v.kecamatan;
          if (v.desa) env.s.answers.desa = v.desa;
        }
        if (v.kecamatan && env.s.flow === 'eligibility') env.s.answers.area = v.kecamatan;
        const place = v.desa ? env.t('where.place_desa', { desa: v.desa, kecamatan: v.kecamatan }) : v.kecamatan ? env.t('where.place_kecamatan', { kecamatan: v.kecamatan }) : '';
        return done(env, v.key!, env.t('where.found', { place, regency: regencyName(v.key, env) }));
      },
    },
    {
      id: 'whereWhich',
      field: '_whereAnswer',
      prompt: 'where.which',
      choices: (env) => regencyChoices(env.c.regencies ?? [], env.s.answers.regencyOptions as string[] | undefined),
      next: (value, env) => {
        delete env.s.answers._whereAnswer;
        return done(env, String(value), env.t('where.chosen', { regency: regencyName(value, env) }));
      },
    },
  ];
}

/** What the registration's summary says about the regency, and how to change it (several regencies only; a cadre's is fixed). */
export function regencyLine(env: StepEnv): string | undefined {
  const { c, s, t } = env;
  if (!several(c)) return undefined;
  const lines = [t(s.cadre ? 'where.summary_cadre' : 'where.summary', { regency: c.settings.regency.name })];
  const hint = regencyOfNik(s.answers.nik, c.regencies);
  if (hint && hint.key !== c.regency) lines.push(t('where.summary_nik', { nikRegency: nameOf(hint), regency: c.settings.regency.name }));
  return lines.join('\n');
}

/**
 * The question is asked again ("ganti kabupaten", or "in another regency" at a kecamatan question),
 * then the conversation comes back to `returnTo` (null: the menu), through the consent again if
 * the regency changed under a registration's consent.
 */
export function askRegencyAgain(env: StepEnv, returnTo: string | null): Transition {
  const { s } = env;
  // The regency they have stays until they answer: "kembali" or "menu" instead leaves it as it was.
  s.answers._whereFrom = s.regency ?? env.c.regency;
  s.answers._whereReturn = returnTo ?? '';
  s.answers._whereAsk = true;
  return { to: 'where' };
}

/** A regency's link followed in the middle of a conversation: the person is that regency's from now on (said), the consent asked again if needed. */
export function followRegencyLink(env: StepEnv, key: string, hasWhereStep: boolean): string | null | undefined {
  const { s, c } = env;
  if (s.cadre || s.regency === key || !c.regencies?.some((r) => r.key === key)) return undefined;
  if (!s.regency) {
    s.regency = key;
    s.regencyBy = 'entry';
    return undefined;
  }
  return moveTo(env, key, 'entry', hasWhereStep ? s.step : null);
}

/** Several regencies and the person's not known: each regency's office, a line each (else undefined). */
export function officesList(env: StepEnv): string | undefined {
  const { c, s } = env;
  if (!several(c) || s.regency) return undefined;
  return c.regencies!.map((r) => `• ${r.settings.regency.name}: ${r.settings.office.name}, ${r.settings.office.phone} (${r.settings.office.hours})`).join('\n');
}

/** The settings of the regency a registration belongs to (a person's status, copy or correction is answered in them). */
export function settingsOf(c: Ctx, r: Pick<RegistrationView, 'regency'> | undefined): ProgrammeSettings {
  return r?.regency && r.regency !== c.regency && c.forRegency ? c.forRegency(r.regency).settings : c.settings;
}

/** A correction is made in its registration's regency (its kecamatan, desa and groups): the conversation moves there. */
export function moveToRegencyOf(env: StepEnv, r: RegistrationView): void {
  if (!env.c.regencies?.some((x) => x.key === r.regency) || env.s.regency === r.regency || env.s.cadre) return;
  env.s.regency = r.regency;
  env.s.regencyBy = 'answer';
}

/** "ganti kabupaten" from the menu: the question alone, then back to the menu. */
export const regencyFlow: FlowDef = {
  id: 'regency',
  start: 'where',
  steps: Object.fromEntries(whereSteps(null).map((st) => [st.id, st])),
};
