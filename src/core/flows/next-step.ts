// What a person does after each decision on their registration: who pays and how, from when cover
// starts, what the KPJ is for, what to do after a rejection. One place, so the decision's message
// (app/notify.ts) and "Cek status" say the same. Every figure comes from the rates file, every
// local fact (where to pay, by when, when cover starts) from the regency's settings; what neither
// holds is said to come from an officer, never guessed.
import { computeBpuContribution } from '../../domain/contribution.js';
import { formatDateId } from '../../domain/dates.js';
import { formatRupiah } from '../../domain/income.js';
import type { Rates } from '../../domain/rates.js';
import { asRejectReason } from '../../domain/reject-reasons.js';
import type { ProgrammeSettings } from '../../settings.js';
import { keyIn } from '../locale-key.js';
import type { Lang, RegistrationData, RegistrationStatus, T } from '../types.js';

/** What the lines are built from: the reader's language and the regency's settings and figures. */
export interface NextStepEnv {
  t: T;
  lang: Lang;
  settings: ProgrammeSettings;
  rates: Rates;
  /** Today in the regency (a discount applies only inside its dates). */
  today: string;
  /** For a list (the status of several registrations): who pays and the one thing to do, without the where and when. */
  brief?: boolean;
}

/** Who pays which programmes of a registration, from its group's settings and the programmes chosen. */
export interface PayPlan {
  /** The programmes the regency (or the village) pays, and from which budget. */
  funded: { programmes: string[]; by: 'APBD' | 'ADD'; group: ProgrammeSettings['groups'][number] } | null;
  /** The programmes the person pays themself, and the monthly amount from the rates file. */
  self: { programmes: string[]; amount: number; basis: number; jkkOrJkm: boolean; contribution: ReturnType<typeof computeBpuContribution> } | null;
}

/** The plan for a registration; undefined when its group is not in the settings (any more). */
export function payPlan(data: RegistrationData, env: Omit<NextStepEnv, 't' | 'lang'>): PayPlan | undefined {
  const group = env.settings.groups.find((g) => g.id === data.groupId);
  if (!group) return undefined;
  const chosen = Array.isArray(data.programmes) && data.programmes.length ? data.programmes : group.programmes;
  const funded = group.funded ? chosen.filter((p) => (group.programmes as string[]).includes(p)) : [];
  const own = chosen.filter((p) => !funded.includes(p));
  const occupation = env.settings.occupations.find((o) => o.id === data.occupation);
  // The person's own part: a state discount may apply to it (it never applies where the state pays).
  const c = computeBpuContribution(env.rates, { income: Number(data.income) || 0, date: env.today, transport: !!occupation?.transport, governmentPays: false });
  const part: Record<string, number> = { JKK: c.jkk, JKM: c.jkm, JHT: c.jht };
  return {
    funded: funded.length ? { programmes: funded, by: group.fundedBy ?? 'APBD', group } : null,
    self: own.length
      ? { programmes: own, amount: own.reduce((sum, p) => sum + (part[p] ?? 0), 0), basis: c.basis, jkkOrJkm: own.includes('JKK') || own.includes('JKM'), contribution: c }
      : null,
  };
}

const join = (programmes: readonly string[]) => programmes.join(' + ');

/** Who pays a group's contributions: the regency's budget, the province's, the village fund, or the member. */
export type FundingSource = 'APBD' | 'APBD_province' | 'ADD' | 'self';

/** A group's funding source, from its settings (`funded`, `fundedBy`, `fundingLevel`). */
export function fundingSource(group: Pick<ProgrammeSettings['groups'][number], 'funded' | 'fundedBy' | 'fundingLevel'>): FundingSource {
  if (!group.funded) return 'self';
  if (group.fundedBy === 'ADD') return 'ADD';
  return group.fundingLevel === 'province' ? 'APBD_province' : 'APBD';
}

/**
 * Who pays, in words: the regency's budget, the province's (a group whose settings say
 * `fundingLevel: "province"`, e.g. a provincial programme for pekerja rentan), the village fund,
 * the person, or "an officer checks".
 */
export function payerWords(t: T, payer: string, group: ProgrammeSettings['groups'][number] | undefined, settings: ProgrammeSettings): string {
  if (payer === 'APBD' && group && fundingSource(group) === 'APBD_province') return t('elig.payer.APBD_province', { province: settings.regency.province ?? settings.regency.name });
  return t(keyIn('elig.payer.', payer), { regency: settings.regency.name });
}

/** Who pays, how much, where and by when; and when cover starts. */
function paymentLines(plan: PayPlan | undefined, status: 'approved' | 'registered', env: NextStepEnv): string[] {
  const { t, settings, lang } = env;
  if (!plan) return [t('next.payer_unknown', { office: settings.office.name, phone: settings.office.phone })];
  const lines: string[] = [];
  if (plan.funded) {
    lines.push(t('next.funded', { programmes: join(plan.funded.programmes), payer: payerWords(t, plan.funded.by, plan.funded.group, settings) }));
    const start = settings.coverStart?.[lang];
    lines.push(start ? t('next.cover_start', { start }) : t('next.cover_start_unknown'));
  }
  if (plan.self) {
    const c = plan.self.contribution;
    lines.push(t('next.self_pays', { programmes: join(plan.self.programmes), amount: formatRupiah(plan.self.amount), basis: formatRupiah(plan.self.basis) }));
    if (env.brief) {
      if (plan.self.jkkOrJkm) lines.push(t(status === 'approved' ? 'next.cover_after_paying' : 'next.cover_while_paying'));
      return lines;
    }
    if (plan.self.jkkOrJkm && c.discount) {
      lines.push(t('calc.discount', { source: c.discount.source, to: formatDateId(c.discount.to, lang), before: formatRupiah(c.basicBeforeDiscount), after: formatRupiah(c.basic) }));
    } else if (plan.self.jkkOrJkm && c.possibleDiscount) {
      lines.push(t('calc.possible_discount', { source: c.possibleDiscount.rule.source, to: formatDateId(c.possibleDiscount.rule.to, lang), after: formatRupiah(c.possibleDiscount.basic) }));
    }
    const channels = settings.payment?.channels?.map((ch) => `• ${ch[lang]}`);
    const due = settings.payment?.due?.[lang];
    if (!channels && !due) lines.push(t('next.pay_unknown'));
    else {
      lines.push(channels ? t('next.pay_where', { channels: channels.join('\n') }) : t('next.pay_where_unknown'));
      lines.push(due ? t('next.pay_due', { due }) : t('next.pay_due_unknown'));
    }
    // Cover paid by the person holds only while they pay: never "you are covered" before that.
    if (plan.self.jkkOrJkm) lines.push(t(status === 'approved' ? 'next.cover_after_paying' : 'next.cover_while_paying'));
  }
  return lines;
}

/** A decision or a status as the person reads it after its headline. */
export interface NextStepFacts {
  status: RegistrationStatus;
  data: RegistrationData | null;
  kpj?: string | null;
  /** The officer's reason code for a rejection, when the console gives it. */
  reason?: string | null;
  /** Whether the officer wrote a note (it is shown beside these lines). */
  hasNote?: boolean;
  /** The fields an officer asked to correct. */
  correctionFields?: readonly string[];
}

/**
 * The next step after a decision, as lines under its headline (the decision's message and the
 * status list both use them). Nothing for a status with nothing to do.
 */
export function nextStepLines(f: NextStepFacts, env: NextStepEnv): string[] {
  const { t, settings } = env;
  const office = { office: settings.office.name, phone: settings.office.phone, hours: settings.office.hours, regency: settings.regency.name };
  switch (f.status) {
    case 'approved':
      return [t('next.wait_kpj'), ...(f.data ? paymentLines(payPlan(f.data, env), 'approved', env) : [])];
    case 'registered':
      return [t('next.kpj', { kpj: f.kpj || '-' }), ...(f.data ? paymentLines(payPlan(f.data, env), 'registered', env) : [])];
    case 'rejected': {
      const reason = asRejectReason(f.reason);
      if (reason) return [t(`next.reject.${reason}`, office)];
      return [t(f.hasNote ? 'next.reject_see_note' : 'next.reject_ask', office)];
    }
    case 'needs_correction': {
      const fields = f.correctionFields?.length ? f.correctionFields.map((id) => t(keyIn('reg.field.', id))).join(', ') : null;
      return [fields ? t('next.correct_fields', { fields }) : t('next.correct')];
    }
    case 'submitted':
      return [t('next.submitted')];
    case 'deleted':
      return [];
  }
}
