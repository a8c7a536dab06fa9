import { formatPercent, formatRupiah } from './income.js';
import type { Rates } from './rates.js';
import type { Lang } from '../core/types.js';

/** "Rp42 juta" / "Rp1,5 juta" for round millions (easier to read on a phone), else Rp1.234.567. */
export function formatRupiahShort(n: number, lang: Lang): string {
  if (n >= 1_000_000 && n % 100_000 === 0) {
    const millions = (n / 1_000_000).toLocaleString('id-ID', { maximumFractionDigits: 1 });
    return `Rp${millions} ${lang === 'id' ? 'juta' : 'million'}`;
  }
  return formatRupiah(n);
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
    bpuJkmFlat: formatRupiah(bpu.jkmFlat),
    bpuJhtPercent: formatPercent(bpu.jhtPercent),
    bpuMinIncome: rp(bpu.minIncome),
    bpuBasic: formatRupiah(basic),
    bpuWithJht: formatRupiah(basic + Math.round((bpu.minIncome * bpu.jhtPercent) / 100)),
    bpuSource: bpu.source,
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
    dataRightsHours: String(rates.dataRights.answerWithinHours),
    kpjDigits: String(rates.kpjDigits),
  };
  byLang[lang] = f;
  cache.set(rates, byLang);
  return f;
}
