import { nikMatchesBirthDate, parseNik, type NikInfo } from '../../domain/nik.js';
import type { StepEnv } from '../types.js';

/** The NIK given so far, parsed (birth date and sex are read from it). */
export function nikInfo(env: StepEnv, nik = env.s.answers.nik): NikInfo | undefined {
  if (typeof nik !== 'string') return undefined;
  const r = parseNik(nik, { today: env.c.today, isKnownDistrict: env.c.isKnownDistrict });
  return r.ok ? r.info : undefined;
}

/** True when a sex was given and the NIK says otherwise (women's day + 40). */
export function sexMismatch(env: StepEnv, sex: unknown): boolean {
  const info = nikInfo(env);
  return !!info && sex !== undefined && info.sex !== sex;
}

/** True when a birth date was given and the NIK's DDMMYY says otherwise. */
export function dateMismatch(env: StepEnv, iso: unknown): boolean {
  const info = nikInfo(env);
  return !!info && typeof iso === 'string' && !nikMatchesBirthDate(info, iso);
}
