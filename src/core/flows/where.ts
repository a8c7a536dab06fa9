// Which regency a person deals with, in a deployment that serves several (src/regencies.ts): asked
// once, before anything a regency decides (who may join, who pays, the consent's controller, where
// a question goes). A regency's Telegram link or WhatsApp number, or a cadre's village, has already
// answered it; what a person answered can be changed from the registration's summary until it is sent.
import { z } from 'zod';
import { matchChoice } from '../../domain/match.js';
import { normalizeText } from '../../domain/normalize.js';
import type { ChoiceDef, Ctx, RegencyChoice, RegistrationView, Session, StepDef, StepEnv, Transition } from '../types.js';
import type { ProgrammeSettings } from '../../settings.js';

/** Words around a place's name that say nothing about which place it is. */
const FILLER = /\b(saya|sy|aku|kami|tinggal|tnggal|tgl|domisili|rumah|alamat|di|dari|dr|daerah|wilayah|desa|ds|kelurahan|kel|kecamatan|kec|kab|kabupaten|kota|provinsi|prov|live|in|at|from|village|district|regency)\b/g;

/** The place words of an answer ("saya tinggal di desa Sungai Tabuk" → "sungai tabuk"). */
function placeWords(text: string): string {
  return normalizeText(text).replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
}

/** Where a typed place is: one regency, several (the same name in more than one), or none. */
export function regenciesOfPlace(text: string, regencies: readonly RegencyChoice[]): { keys: string[]; kecamatan?: string; desa?: string } {
  const q = placeWords(text);
  if (q.length < 3) return { keys: [] };
  const places = regencies.flatMap((r) =>
    r.settings.areas.flatMap((a) => [
      { key: r.key, kecamatan: a.kecamatan, desa: undefined as string | undefined, name: a.kecamatan },
      ...a.desa.map((d) => ({ key: r.key, kecamatan: a.kecamatan, desa: d as string | undefined, name: d })),
    ]),
  );
  const exact = places.filter((p) => placeWords(p.name) === q);
  if (exact.length > 0) {
    const keys = [...new Set(exact.map((p) => p.key))];
    if (keys.length > 1) return { keys };
    // A kecamatan named like one of its desa ("Sungai Tabuk") is the kecamatan; one desa is that desa.
    const kecamatan = exact.find((p) => p.desa === undefined);
    if (kecamatan) return { keys, kecamatan: kecamatan.kecamatan };
    return exact.length === 1 ? { keys, kecamatan: exact[0]!.kecamatan, desa: exact[0]!.desa } : { keys };
  }
  // A typo or a part of the name: the regency when every closest place is in the same one.
  const key = matchChoice(q, places.map((p) => ({ value: p.key, labels: [placeWords(p.name)] })));
  return { keys: key ? [key] : [] };
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
    .map((r) => ({
      value: r.key,
      label: nameOf(r),
      aliases: [r.settings.regency.shortName, nameOf(r).replace(/^kabupaten\s+/i, ''), `kab ${r.settings.regency.shortName}`],
    }));
}

/** Whether this conversation still has to ask: several regencies and none known for the person. */
export function needsRegency(s: Session, c: Ctx): boolean {
  return !!c.regencies && c.regencies.length > 1 && !s.regency;
}

/** Sets the person's regency from their answer (a cadre's stays their village's). */
function choose(env: StepEnv, key: string): void {
  env.s.regency = key;
  env.s.regencyBy = 'answer';
  delete env.s.answers.regencyOptions;
}

/**
 * The "where do you live?" steps of a flow, `then` being the step after them. Skipped when the
 * deployment serves one regency, or the person's is known. A typed desa or kecamatan is looked up
 * in every regency served; a name found in several asks which one; the NIK's prefix, when known,
 * is mentioned as a hint.
 */
export function whereSteps(then: string): StepDef[] {
  const regencyName = (v: unknown, env: StepEnv) => env.c.regencies?.find((r) => r.key === v)?.settings.regency.name ?? String(v);
  return [
    {
      id: 'where',
      field: 'regency',
      skip: (env) => !needsRegency(env.s, env.c),
      prompt: (env) => {
        const hint = regencyOfNik(env.s.answers.nik, env.c.regencies);
        const lines = [env.t('where.prompt')];
        if (hint) lines.push(env.t('where.nik_hint', { regency: nameOf(hint) }));
        return lines.join('\n\n');
      },
      help: 'help.where',
      freeText: true,
      choices: (env) => regencyChoices(env.c.regencies ?? []),
      // A typed place (desa or kecamatan) found in the regencies served; anything else is tried as a regency's name.
      answer: (env) =>
        z.string().transform((text, ctx) => {
          const found = regenciesOfPlace(text, env.c.regencies ?? []);
          if (found.keys.length === 0) {
            ctx.addIssue({ code: 'custom', message: 'err.where_unknown' });
            return z.NEVER;
          }
          return found.keys.length === 1 ? { key: found.keys[0]!, kecamatan: found.kecamatan, desa: found.desa } : { several: found.keys };
        }),
      display: regencyName,
      next: (value, env): Transition | string => {
        // Skipped (one regency, or theirs known): straight on.
        if (value === undefined) return then;
        // Changed from the registration's summary: back there (answers the new regency does not offer show as "-", and are asked at sending).
        const to = env.s.editing ? 'summary' : then;
        if (typeof value === 'string') {
          choose(env, value);
          return { to, say: [env.t('where.chosen', { regency: regencyName(value, env) })] };
        }
        const v = value as { key?: string; kecamatan?: string; desa?: string; several?: string[] };
        if (v.several) {
          env.s.answers.regencyOptions = v.several;
          return 'whereWhich';
        }
        choose(env, v.key!);
        env.s.answers.regency = v.key;
        // The place they named is kept as their answer to the registration's own questions (shown, and kept with "ok").
        if (v.kecamatan && env.s.flow === 'registration') {
          if (env.s.answers.kecamatan !== v.kecamatan) delete env.s.answers.desa;
          env.s.answers.kecamatan = v.kecamatan;
          if (v.desa) env.s.answers.desa = v.desa;
        }
        const place = v.desa ? env.t('where.place_desa', { desa: v.desa, kecamatan: v.kecamatan }) : v.kecamatan ? env.t('where.place_kecamatan', { kecamatan: v.kecamatan }) : '';
        return { to, say: [env.t('where.found', { place, regency: regencyName(v.key, env) })] };
      },
    },
    {
      id: 'whereWhich',
      field: 'regency',
      prompt: 'where.which',
      choices: (env) => regencyChoices(env.c.regencies ?? [], env.s.answers.regencyOptions as string[] | undefined),
      display: regencyName,
      next: (value, env) => {
        choose(env, String(value));
        return { to: env.s.editing ? 'summary' : then, say: [env.t('where.chosen', { regency: regencyName(value, env) })] };
      },
    },
  ];
}

/** What the registration's summary says about the regency, and how to change it (several regencies only; a cadre's is fixed). */
export function regencyLine(env: StepEnv): string | undefined {
  const { c, s, t } = env;
  if (!c.regencies || c.regencies.length < 2) return undefined;
  const lines = [t(s.cadre ? 'where.summary_cadre' : 'where.summary', { regency: c.settings.regency.name })];
  const hint = regencyOfNik(s.answers.nik, c.regencies);
  if (hint && hint.key !== c.regency) lines.push(t('where.summary_nik', { nikRegency: nameOf(hint), regency: c.settings.regency.name }));
  return lines.join('\n');
}

/** "ganti kabupaten" on the summary: the question is asked again, and answering it returns to the summary. */
export const CHANGE_REGENCY = /^(?:ganti|ubah|ubh|change|pindah)\s+(?:kabupaten|kab\.?|regency)$/i;

export function changeRegency(env: StepEnv): Transition | undefined {
  const { c, s } = env;
  if (!c.regencies || c.regencies.length < 2 || s.cadre) return undefined;
  s.regency = undefined;
  s.regencyBy = undefined;
  s.editing = true;
  return { to: 'where' };
}

/** Several regencies and the person's not known: each regency's office, a line each (else undefined). */
export function officesList(env: StepEnv): string | undefined {
  const { c, s } = env;
  if (!c.regencies || c.regencies.length < 2 || s.regency) return undefined;
  return c.regencies.map((r) => `• ${r.settings.regency.name}: ${r.settings.office.name}, ${r.settings.office.phone} (${r.settings.office.hours})`).join('\n');
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
