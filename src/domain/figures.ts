import { formatDateId } from './dates.js';
import { formatPercent, formatRupiah } from './income.js';
import type { DiscountRule, Rates } from './rates.js';
import type { Lang } from './lang.js';

/** "Rp42 juta" / "Rp1,5 juta" for round millions (easier to read on a phone), else Rp1.234.567. */
export function formatRupiahShort(n: number, lang: Lang): string {
  if (n >= 1_000_000 && n % 100_000 === 0) {
    const millions = (n / 1_000_000).toLocaleString('id-ID', { maximumFractionDigits: 1 });
    return `Rp${millions} ${lang === 'id' ? 'juta' : 'million'}`;
  }
  return formatRupiah(n);
}

/**
 * The lowest BPU JKK + JKM under a discount rule, rounded per programme exactly as
 * computeBpuContribution does, so the answer and the calculator never disagree.
 */
function discountedBasic(rates: Rates, rule: DiscountRule): number {
  const { bpu } = rates;
  const cut = (amount: number, prog: 'JKK' | 'JKM') => (rule.programmes.includes(prog) ? Math.round(amount * rule.factor) : amount);
  return cut(Math.round((bpu.minIncome * bpu.jkkPercent) / 100), 'JKK') + cut(bpu.jkmFlat, 'JKM');
}

/** A discount rule's amount, cut and dates (the schema guarantees a transport and an other-BPU rule). */
function discountFigures(rates: Rates, lang: Lang, appliesTo: 'transport' | 'other', name: string): Record<string, string> {
  const rule = rates.discounts.find((d) => d.appliesTo === appliesTo)!;
  return {
    [`${name}Basic`]: formatRupiah(discountedBasic(rates, rule)),
    [`${name}Cut`]: formatPercent(Math.round((1 - rule.factor) * 10_000) / 100),
    [`${name}From`]: formatDateId(rule.from, lang),
    [`${name}To`]: formatDateId(rule.to, lang),
  };
}

const cache = new WeakMap<Rates, Partial<Record<Lang, Record<string, string>>>>();

/**
 * Every figure of the rates file, formatted for messages, so locale texts interpolate them
 * ({{jkmTotal}}) instead of writing a number twice.
 */
export function figures(rates: Rates, lang: Lang): Record<string, string> {
  const byLang = cache.get(rates) ?? {};
  const hit = byLang[lang];
  if (hit) return hit;
  const rp = (n: number) => formatRupiahShort(n, lang);
  const { bpu, jkm, jkk, jht, jp, jkp, wage } = rates;
  const basic = Math.round((bpu.minIncome * bpu.jkkPercent) / 100) + bpu.jkmFlat;
  const f: Record<string, string> = {
    bpuJkkPercent: formatPercent(bpu.jkkPercent),
    bpuJkkMin: formatRupiah(Math.round((bpu.minIncome * bpu.jkkPercent) / 100)),
    bpuJkmFlat: formatRupiah(bpu.jkmFlat),
    bpuJhtPercent: formatPercent(bpu.jhtPercent),
    bpuMinIncome: rp(bpu.minIncome),
    bpuBasic: formatRupiah(basic),
    bpuWithJht: formatRupiah(basic + Math.round((bpu.minIncome * bpu.jhtPercent) / 100)),
    bpuJhtMin: formatRupiah(Math.round((bpu.minIncome * bpu.jhtPercent) / 100)),
    bpuSource: bpu.source,
    discountSource: rates.discounts.find((d) => d.appliesTo === 'transport')!.source,
    ...discountFigures(rates, lang, 'transport', 'discountTransport'),
    ...discountFigures(rates, lang, 'other', 'discountOther'),
    jkmTotal: rp(jkm.total),
    jkmLumpSum: rp(jkm.lumpSum),
    jkmPeriodicTotal: rp(jkm.periodicTotal),
    jkmPeriodicMonths: String(jkm.periodicMonths),
    jkmPeriodicMonthly: formatRupiah(jkm.periodicMonthly),
    jkmFuneral: rp(jkm.funeral),
    jkmScholarshipMinYears: String(jkm.scholarshipMinYears),
    jkmScholarshipMaxChildren: String(jkm.scholarshipMaxChildren),
    jkmScholarshipTkSd: rp(jkm.scholarshipTkSd),
    jkmScholarshipSmp: rp(jkm.scholarshipSmp),
    jkmScholarshipSma: rp(jkm.scholarshipSma),
    jkmScholarshipUniversity: rp(jkm.scholarshipUniversity),
    jkmScholarshipMaxTotal: rp(jkm.scholarshipMaxTotal),
    jkmScholarshipEndAge: String(jkm.scholarshipEndAge),
    jkmSource: jkm.source,
    jkkSickPayFirstMonths: String(jkk.sickPayFirstMonths),
    jkkSickPayFirstPercent: formatPercent(jkk.sickPayFirstPercent),
    jkkSickPayAfterPercent: formatPercent(jkk.sickPayAfterPercent),
    jkkDeathWageMultiple: String(jkk.deathWageMultiple),
    jkkDisabilityWageMultiple: String(jkk.disabilityWageMultiple),
    jkkScholarshipMaxTotal: rp(jkk.scholarshipMaxTotal),
    jkkSource: jkk.source,
    jhtClaimAge: String(jht.claimAge),
    jhtPartialMinYears: String(jht.partialMinYears),
    jhtPartialRetirementPercent: formatPercent(jht.partialRetirementPercent),
    jhtPartialHousingPercent: formatPercent(jht.partialHousingPercent),
    jhtWaitMonths: String(jht.waitMonthsAfterResign),
    jhtSource: jht.source,
    jpMinYears: String(jp.minYears),
    jpPensionAgeNow: String(jp.pensionAge2025to2027),
    jpPensionAgeNowYears: `${jp.pensionAgeNowFromYear}–${jp.pensionAgeNowToYear}`,
    jpPensionAgeStepYears: String(jp.pensionAgeStepYears),
    jpPensionAgeFinal: String(jp.pensionAgeFinal),
    jpSource: jp.source,
    jkpWagePercent: formatPercent(jkp.wagePercent),
    jkpWageCap: rp(jkp.wageCap),
    jkpMaxMonths: String(jkp.maxMonths),
    jkpClaimWithinMonths: String(jkp.claimWithinMonths),
    jkpSource: jkp.source,
    wageJkkRange: `${formatPercent(wage.jkkRiskPercents[0]!)}–${formatPercent(wage.jkkRiskPercents[4]!)}`,
    wageJkmPercent: formatPercent(wage.jkmPercent),
    wageJhtTotal: formatPercent(wage.jhtEmployerPercent + wage.jhtWorkerPercent),
    wageJhtEmployer: formatPercent(wage.jhtEmployerPercent),
    wageJhtWorker: formatPercent(wage.jhtWorkerPercent),
    wageJpTotal: formatPercent(wage.jpEmployerPercent + wage.jpWorkerPercent),
    wageJpEmployer: formatPercent(wage.jpEmployerPercent),
    wageJpWorker: formatPercent(wage.jpWorkerPercent),
    wageJpCap: formatRupiah(wage.jpWageCap),
    wageJpCapFrom: formatDateId(wage.jpWageCapFrom, lang),
    dataRightsHours: String(rates.dataRights.answerWithinHours),
    dataBreachHours: String(rates.dataRights.breachNoticeWithinHours),
    kpjDigits: String(rates.kpjDigits),
    nikDigits: String(rates.nikDigits),
    foreignerMinMonths: String(rates.eligibility.foreignerMinMonths),
  };
  byLang[lang] = f;
  cache.set(rates, byLang);
  return f;
}
