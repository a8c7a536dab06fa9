import type { GroupSetting, ProgrammeSettings } from '../settings.js';

export type WorkType = 'wage' | 'own' | 'village';
export type YesNoUnsure = 'yes' | 'no' | 'unsure';

export interface EligibilityAnswers {
  work: WorkType;
  /** The village role's group id, when work is 'village'. */
  roleGroupId?: string;
  /** In the social registry (DTKS/DTSEN), when work is 'own'. */
  inRegistry?: YesNoUnsure;
  age: number;
  /** A kecamatan of the regency, or 'outside'. */
  area: string;
  member: YesNoUnsure;
}

/** Who pays the contributions; 'check' when it depends on a fact an officer has to check (the social registry). */
export type Payer = 'APBD' | 'ADD' | 'self' | 'check';

/** No one is older: an age above this is a typing mistake (the birth-date parser uses the same bound). */
export const OLDEST_AGE = 120;

export type EligibilityOutcome =
  | { kind: 'register'; group: GroupSetting; payer: Payer; programmes: string[]; reasons: string[] }
  | { kind: 'employer'; reasons: string[] }
  | { kind: 'covered'; reasons: string[] }
  | { kind: 'officer'; reasons: string[]; group?: GroupSetting };

function selfPaidGroup(settings: ProgrammeSettings): GroupSetting | undefined {
  return settings.groups.find((g) => g.kind === 'self_paid') ?? settings.groups.find((g) => !g.funded);
}

/**
 * Decides what a person should do, with the reasons (locale keys under elig.reason.*), from the
 * answers and the regency's settings. `groupCount` tells how many places of a group's quota are taken.
 */
export function evaluateEligibility(
  a: EligibilityAnswers,
  settings: ProgrammeSettings,
  groupCount: (groupId: string) => number,
): EligibilityOutcome {
  if (a.member === 'yes') return { kind: 'covered', reasons: ['member_already'] };
  if (a.work === 'wage') return { kind: 'employer', reasons: ['wage_worker'] };
  if (a.age < settings.ageLimits.min) return { kind: 'officer', reasons: ['age_below_min'] };
  if (a.age > settings.ageLimits.officerReviewAbove) return { kind: 'officer', reasons: ['age_above_limit'] };

  const extra = a.member === 'unsure' ? ['member_unsure'] : [];
  const self = selfPaidGroup(settings);
  const selfPaid = (reasons: string[]): EligibilityOutcome =>
    self
      ? { kind: 'register', group: self, payer: 'self', programmes: self.programmes, reasons: [...reasons, ...extra] }
      : { kind: 'officer', reasons: [...reasons, ...extra] };

  if (a.area === 'outside') return selfPaid(['outside_area']);

  let group: GroupSetting | undefined;
  const reasons: string[] = [];
  if (a.work === 'village') {
    group = settings.groups.find((g) => g.id === a.roleGroupId);
  } else if (a.inRegistry === 'yes' || a.inRegistry === 'unsure') {
    group = settings.groups.find((g) => g.kind === 'vulnerable');
  }
  if (!group || !group.funded) return selfPaid(['self_paid']);

  if (group.quota !== undefined && groupCount(group.id) >= group.quota) {
    return { kind: 'officer', reasons: ['quota_full', ...extra], group };
  }
  // Not knowing whether one is in the social registry decides nothing: the officer's check says who pays.
  if (group.needsRegistryCheck && a.inRegistry === 'unsure') {
    return { kind: 'register', group, payer: 'check', programmes: group.programmes, reasons: ['registry_unknown', ...extra] };
  }
  reasons.push('group_funded');
  if (group.needsRegistryCheck) reasons.push('registry_check');
  return {
    kind: 'register',
    group,
    payer: group.fundedBy ?? 'APBD',
    programmes: group.programmes,
    reasons: [...reasons, ...extra],
  };
}

/** Whole years between an ISO birth date and an ISO day. */
export function ageOn(birthIso: string, todayIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = todayIso.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
