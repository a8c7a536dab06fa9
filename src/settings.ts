import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Localized = z.object({ id: z.string().min(1), en: z.string().min(1) });
const Programme = z.enum(['JKK', 'JKM', 'JHT']);

const Group = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    kind: z.enum(['village_role', 'vulnerable', 'self_paid']),
    label: Localized,
    aliases: z.array(z.string()).default([]),
    funded: z.boolean(),
    fundedBy: z.enum(['APBD', 'ADD']).optional(),
    programmes: z.array(Programme).min(1),
    quota: z.number().int().positive().optional(),
    /** Local price per person per month, when the regency pays another amount (settings win). */
    monthlyAmount: z.number().int().positive().optional(),
    needsRegistryCheck: z.boolean().default(false),
    /** Optional: the office that reviews this group's pre-registrations (e.g. Disnakertrans, Dinas PMD). */
    reviewedBy: z.string().min(1).optional(),
    /** Optional: whose budget `fundedBy` is, when not the regency's own (a provincial APBD programme). */
    fundingLevel: z.enum(['regency', 'province']).optional(),
    /** Optional: the `sources` entry this group's facts come from. */
    sourceId: z.string().min(1).optional(),
  })
  .refine((g) => !g.funded || g.fundedBy, { message: 'a funded group needs fundedBy' });

/** A kecamatan and its desa; optionally with their official codes (idn-area-data), `desaCodes[i]` for `desa[i]`. */
const Area = z
  .object({
    kecamatan: z.string().min(1),
    desa: z.array(z.string().min(1)).min(1),
    code: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/).optional(),
    desaCodes: z.array(z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/)).optional(),
  })
  .refine((a) => !a.desaCodes || a.desaCodes.length === a.desa.length, { message: 'desaCodes needs one code per desa' });

/** What a preset writes where a report is silent and the schema needs text: visible, and listed in `notStated`. */
export const NOT_FILLED = 'belum diisi';
/** What a preset writes for a report's own metadata (a date, an outlet) the report does not give. */
export const NOT_STATED = 'not stated';

const ReportDate = z.union([z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/), z.literal(NOT_STATED)]);

/** A report or rule a preset's facts come from; a public report carries its date. */
const ReportSource = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['public report', 'national rule']),
    what: z.string().min(1),
    date: ReportDate.optional(),
    publisher: z.string().min(1).optional(),
  })
  .refine((s) => s.kind !== 'public report' || s.date, { message: 'a public report needs its date (or "not stated")' });

/**
 * One figure and where it comes from. Keyed by a setting path (e.g. `coverageTarget.count`, whose value
 * must then equal the setting) or by `reported.…` for a reported figure that is no setting.
 */
const Figure = z.object({
  value: z.union([z.number(), z.string().min(1)]),
  unit: z.enum(['people', 'rupiah', 'percent']).optional(),
  sourceId: z.string().min(1),
  asOf: ReportDate.optional(),
  note: z.string().min(1).optional(),
});

/** Where a figure in the settings comes from: a budget document or a press report, and its date. */
const Source = { source: z.string().min(1).optional(), asOf: z.iso.date().optional() };

/**
 * The regency's coverage target for the dashboard: people covered (approved or registered) in the
 * groups named (default: every group the regency pays through the APBD), plus those covered
 * before Lindung was used (from BPJS's or the office's own count), against `count`.
 */
const CoverageTarget = z.object({
  count: z.number().int().positive(),
  groups: z.array(z.string()).min(1).optional(),
  coveredBefore: z.number().int().nonnegative().default(0),
  ...Source,
});

/** The yearly APBD budget for the contributions the regency pays, for the dashboard's cost line. */
const Budget = z.object({ yearly: z.number().int().positive(), year: z.number().int().min(2000).max(2100).optional(), ...Source });

/** Programme settings of one regency deployment: groups, areas, limits, contacts (never in code). */
export const ProgrammeSettingsSchema = z.object({
  regency: z.object({
    name: z.string().min(1),
    shortName: z.string().min(1),
    /** Optional: the province and official regency code (idn-area-data, e.g. "63.03"), for generated areas. */
    province: z.string().min(1).optional(),
    code: z.string().regex(/^\d{2}\.\d{2}$/).optional(),
    /** Optional: how people shorten its name ("Tanbu", "Batara"): a worker typing it is routed there. */
    aliases: z.array(z.string().min(2)).optional(),
  }),
  office: z.object({
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    whatsapp: z.string().optional(),
    hours: z.string(),
    email: z.string().optional(),
  }),
  labourInspection: z.object({ name: z.string(), phone: z.string() }),
  /**
   * Optional: what a self-paying member is told once approved, in the regency's own words: where
   * and how to pay (a line each) and by when. Without them the bot says an officer will tell them.
   */
  payment: z.object({ channels: z.array(Localized).min(1).optional(), due: Localized.optional() }).optional(),
  /** Optional: from when cover starts for the members the regency pays for; without it the bot says an officer will tell them. */
  coverStart: Localized.optional(),
  dataController: z.object({ name: z.string(), contact: z.string() }),
  consentVersion: z.string().min(1),
  retentionDays: z.object({ draft: z.number().int().positive(), rejected: z.number().int().positive() }),
  ageLimits: z.object({
    min: z.number().int().min(0).default(15),
    officerReviewAbove: z.number().int().positive().default(65),
  }),
  allowNonCitizens: z.boolean().default(false),
  askMotherMaidenName: z.boolean().default(false),
  /**
   * Fields a regency asks differently from the default: required, optional ("-" for none) or off.
   * Only fields marked configurable in core/flows/registration-schema.ts (checked at start).
   */
  registrationFields: z.record(z.string(), z.enum(['required', 'optional', 'off'])).optional(),
  groups: z.array(Group).min(1),
  areas: z.array(Area).min(1),
  occupations: z
    .array(z.object({ id: z.string(), label: Localized, transport: z.boolean().default(false) }))
    .min(1),
  /** Optional: the dashboard shows coverage and cost against these when they are set. */
  coverageTarget: CoverageTarget.optional(),
  budget: Budget.optional(),
  /** Optional (presets): the reports and rules the facts come from, each figure with its source, and what they leave unsaid. */
  sources: z.array(ReportSource).optional(),
  figures: z.record(z.string(), Figure).optional(),
  /** Setting paths (e.g. `office.phone`, `groups.bpd.quota`) no source gives: to fill before going live. */
  notStated: z.array(z.string().min(1)).optional(),
}).superRefine((s, ctx) => {
  const known = new Set(s.groups.map((g) => g.id));
  for (const [i, id] of (s.coverageTarget?.groups ?? []).entries()) {
    if (!known.has(id)) ctx.addIssue({ code: 'custom', path: ['coverageTarget', 'groups', i], message: `unknown group "${id}"` });
  }
  checkProvenance(s, ctx);
});

export type ProgrammeSettings = z.infer<typeof ProgrammeSettingsSchema>;
export type GroupSetting = ProgrammeSettings['groups'][number];

/** Thrown at start when the settings file is missing or wrong, with every problem listed. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Reads and validates a programme settings file; fails loudly at start rather than mid-chat. */
export function loadProgrammeSettings(path: string): ProgrammeSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SettingsError(`cannot read programme settings ${path}: ${(err as Error).message}`);
  }
  const parsed = ProgrammeSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`invalid programme settings ${path}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

type SettingsIssueSink = { addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string }) => void };

/** A value by dotted path; in an array of objects with an `id` the segment is the id, else the index. */
function valueAt(root: unknown, path: string): unknown {
  let here: unknown = root;
  for (const seg of path.split('.')) {
    if (Array.isArray(here)) here = here.find((x) => (x as { id?: unknown })?.id === seg) ?? (/^\d+$/.test(seg) ? here[Number(seg)] : undefined);
    else if (here && typeof here === 'object') here = (here as Record<string, unknown>)[seg];
    else return undefined;
  }
  return here;
}

/** The dotted paths of every text equal to NOT_FILLED (outside the provenance blocks). */
function placeholderPaths(value: unknown, path: string[] = []): string[] {
  if (value === NOT_FILLED) return [path.join('.')];
  if (Array.isArray(value)) {
    return value.flatMap((x, i) => placeholderPaths(x, [...path, typeof (x as { id?: unknown })?.id === 'string' ? (x as { id: string }).id : String(i)]));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (path.length === 0 && ['sources', 'figures', 'notStated'].includes(k) ? [] : placeholderPaths(v, [...path, k])));
  }
  return [];
}

const coveredBy = (listed: readonly string[], path: string): boolean => listed.some((p) => path === p || path.startsWith(`${p}.`));

/** Presets: every figure and group cites a known source, a setting figure equals its setting, every placeholder is listed as not stated. */
function checkProvenance(s: ProgrammeSettings, ctx: SettingsIssueSink): void {
  const sourceIds = new Set((s.sources ?? []).map((x) => x.id));
  for (const [key, f] of Object.entries(s.figures ?? {})) {
    if (!sourceIds.has(f.sourceId)) ctx.addIssue({ code: 'custom', path: ['figures', key, 'sourceId'], message: `unknown source "${f.sourceId}"` });
    if (!key.startsWith('reported.') && valueAt(s, key) !== f.value) {
      ctx.addIssue({ code: 'custom', path: ['figures', key, 'value'], message: `the setting ${key} is ${JSON.stringify(valueAt(s, key))}, not ${JSON.stringify(f.value)}` });
    }
  }
  for (const [i, g] of s.groups.entries()) {
    if (g.sourceId && !sourceIds.has(g.sourceId)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'sourceId'], message: `unknown source "${g.sourceId}"` });
  }
  const notStated = s.notStated ?? [];
  const groupIds = new Set(s.groups.map((g) => g.id));
  for (const [i, p] of notStated.entries()) {
    const [top, second] = p.split('.');
    if (!(top! in ProgrammeSettingsSchema.shape) || (top === 'groups' && !groupIds.has(second ?? ''))) {
      ctx.addIssue({ code: 'custom', path: ['notStated', i], message: `no such setting "${p}"` });
    }
  }
  for (const p of placeholderPaths(s)) {
    if (!coveredBy(notStated, p)) ctx.addIssue({ code: 'custom', path: p.split('.'), message: `"${NOT_FILLED}" must be listed in notStated` });
  }
}

/** A setting an officer must still fill in: its path, and for a group's field the group and the field. */
export interface UnfilledSetting {
  path: string;
  group?: { id: string; label: string; field: string };
}

/**
 * What an officer must still fill in before going live: every path the preset lists as not stated
 * (placeholders included). The console names each in words (locales: console.unfilled).
 */
export function unfilledSettings(settings: ProgrammeSettings): UnfilledSetting[] {
  const listed = settings.notStated ?? [];
  const paths = [...listed, ...placeholderPaths(settings).filter((p) => !coveredBy(listed, p))];
  return paths.map((path) => {
    const [top, id, field] = path.split('.');
    const group = top === 'groups' ? settings.groups.find((g) => g.id === id) : undefined;
    return group && field ? { path, group: { id: group.id, label: group.label.id, field } } : { path };
  });
}
