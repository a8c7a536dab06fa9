import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Dated = { source: z.string().min(1), effectiveFrom: z.iso.date() };
const Amount = z.number().nonnegative();

const Discount = z.object({
  id: z.string(),
  source: z.string().min(1),
  appliesTo: z.enum(['transport', 'other', 'all']),
  programmes: z.array(z.enum(['JKK', 'JKM'])),
  factor: z.number().gt(0).lte(1),
  from: z.iso.date(),
  to: z.iso.date(),
  /** Unconfirmed rules are shown as "may apply, an officer confirms", never as fact. */
  confirmed: z.boolean(),
  notWhenGovernmentPays: z.boolean(),
});

/** The single source of every figure the bot states, each with its legal source and start date. */
export const RatesSchema = z.object({
  version: z.string(),
  bpu: z.object({
    ...Dated,
    jkkPercent: Amount,
    jkmFlat: Amount,
    jhtPercent: Amount,
    minIncome: Amount,
    incomeTableConfirmed: z.boolean(),
  }),
  // The kb texts name both PP 50/2025 rules (transport workers, other BPU): a file without them fails at start.
  discounts: z
    .array(Discount)
    .refine((ds) => ds.some((d) => d.appliesTo === 'transport') && ds.some((d) => d.appliesTo === 'other'), {
      message: 'needs a transport rule and an other-BPU rule (the discount texts name both)',
    }),
  wage: z.object({
    ...Dated,
    jkkRiskPercents: z.array(Amount).length(5),
    jkmPercent: Amount,
    jhtEmployerPercent: Amount,
    jhtWorkerPercent: Amount,
    jpEmployerPercent: Amount,
    jpWorkerPercent: Amount,
    jpWageCap: Amount,
    jpWageCapFrom: z.iso.date(),
    jpWageCapLaterConfirmed: z.boolean(),
  }),
  jkm: z.object({
    ...Dated,
    total: Amount,
    lumpSum: Amount,
    periodicTotal: Amount,
    periodicMonths: z.number().int(),
    periodicMonthly: Amount,
    funeral: Amount,
    scholarshipMinYears: z.number().int(),
    scholarshipMaxChildren: z.number().int(),
    scholarshipTkSd: Amount,
    scholarshipSmp: Amount,
    scholarshipSma: Amount,
    scholarshipUniversity: Amount,
    scholarshipMaxTotal: Amount,
    scholarshipEndAge: z.number().int(),
  }),
  jkk: z.object({
    ...Dated,
    sickPayFirstMonths: z.number().int(),
    sickPayFirstPercent: Amount,
    sickPayAfterPercent: Amount,
    deathWageMultiple: z.number().int(),
    disabilityWageMultiple: z.number().int(),
    scholarshipMaxTotal: Amount,
  }),
  jht: z.object({
    ...Dated,
    claimAge: z.number().int(),
    waitMonthsAfterResign: z.number().int(),
    partialMinYears: z.number().int(),
    partialRetirementPercent: Amount,
    partialHousingPercent: Amount,
  }),
  jp: z.object({
    ...Dated,
    minYears: z.number().int(),
    pensionAge2025to2027: z.number().int(),
    /** The years the current pension age (pensionAge2025to2027) applies, shown beside it. */
    pensionAgeNowFromYear: z.number().int(),
    pensionAgeNowToYear: z.number().int(),
    /** The pension age rises by one year every this many years. */
    pensionAgeStepYears: z.number().int().positive(),
    pensionAgeFinal: z.number().int(),
  }),
  jkp: z.object({ ...Dated, wagePercent: Amount, wageCap: Amount, maxMonths: z.number().int(), claimWithinMonths: z.number().int() }),
  kpjDigits: z.number().int(),
  nikDigits: z.number().int(),
  /** UU 24/2011 Pasal 14: foreigners working at least this long must take part. */
  eligibility: z.object({ source: z.string().min(1), foreignerMinMonths: z.number().int().positive() }),
  dataRights: z.object({ ...Dated, answerWithinHours: z.number().int(), breachNoticeWithinHours: z.number().int() }),
});

export type Rates = z.infer<typeof RatesSchema>;
export type DiscountRule = Rates['discounts'][number];

/** Loads and validates data/rates.json (or another path), so a typo fails at start. */
export function loadRates(path: string): Rates {
  return RatesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
