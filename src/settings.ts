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
  })
  .refine((g) => !g.funded || g.fundedBy, { message: 'a funded group needs fundedBy' });

const Area = z.object({ kecamatan: z.string().min(1), desa: z.array(z.string().min(1)).min(1) });

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
  regency: z.object({ name: z.string().min(1), shortName: z.string().min(1) }),
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
}).superRefine((s, ctx) => {
  const known = new Set(s.groups.map((g) => g.id));
  for (const [i, id] of (s.coverageTarget?.groups ?? []).entries()) {
    if (!known.has(id)) ctx.addIssue({ code: 'custom', path: ['coverageTarget', 'groups', i], message: `unknown group "${id}"` });
  }
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
