import { matchChoice } from '../domain/match.js';
import { makeInviteCode } from '../domain/reference.js';
import type { ProgrammeSettings } from '../settings.js';
import { regencyKey } from '../regencies.js';
import { CADRE_ROLES, type CadreRole, type CadreStore, type Invite } from '../storage/cadres.js';

const DAY = 24 * 3600_000;
/** How long an invite stays usable unless --days says otherwise. */
export const DEFAULT_INVITE_DAYS = 14;

/** Thrown for an invite request a person must correct (unknown desa, role, bad days). */
export class InviteError extends Error {
  override name = 'InviteError';
}

/** The regency's desa matching a typed name (case- and typo-tolerant), with its kecamatan. */
export function findDesa(settings: ProgrammeSettings, name: string): { desa: string; kecamatan: string } | undefined {
  const all = settings.areas.flatMap((a) => a.desa.map((desa) => ({ desa, kecamatan: a.kecamatan })));
  const hit = matchChoice(name, all.map((d, i) => ({ value: String(i), labels: [d.desa] })));
  return hit === undefined ? undefined : all[Number(hit)];
}

/** Creates an invite for a desa and role; the code doubles as a Telegram deep-link payload. */
export async function createInvite(
  store: CadreStore,
  settings: ProgrammeSettings,
  input: { desa: string; role: string; days?: number; now: number; random: () => number; createdBy?: string },
): Promise<Invite> {
  const place = findDesa(settings, input.desa);
  if (!place) {
    throw new InviteError(`unknown desa "${input.desa}"; known: ${settings.areas.flatMap((a) => a.desa).join(', ')}`);
  }
  if (!CADRE_ROLES.includes(input.role as CadreRole)) {
    throw new InviteError(`unknown role "${input.role}"; use one of ${CADRE_ROLES.join(', ')}`);
  }
  const days = input.days ?? DEFAULT_INVITE_DAYS;
  if (!Number.isFinite(days) || days <= 0 || days > 365) throw new InviteError('--days must be between 1 and 365');
  let code = makeInviteCode(input.random);
  while (await store.invite(code)) code = makeInviteCode(input.random);
  return store.createInvite({
    code,
    desa: place.desa,
    kecamatan: place.kecamatan,
    role: input.role as CadreRole,
    regency: regencyKey(settings),
    now: input.now,
    expiresAt: input.now + days * DAY,
    createdBy: input.createdBy,
  });
}

/** The deep link that enrols a cadre in one tap. */
export function inviteLink(botUsername: string | undefined, code: string): string {
  return `https://t.me/${botUsername ?? '<bot_username>'}?start=${code}`;
}
