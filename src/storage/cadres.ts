import type { Sql } from './sql.js';

export const CADRE_ROLES = ['kader', 'perangkat', 'bpd', 'rtrw', 'lkd'] as const;
export type CadreRole = (typeof CADRE_ROLES)[number];

export type InviteState = 'valid' | 'expired' | 'revoked' | 'used' | 'unknown';

export interface Invite {
  code: string;
  desa: string;
  kecamatan: string;
  role: CadreRole;
  /** The regency of the desa (its key, src/regencies.ts). */
  regency: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  usedBy: number | null;
  usedAt: number | null;
}

export interface Cadre {
  personId: number;
  desa: string;
  kecamatan: string;
  role: CadreRole;
  regency: string;
}

interface InviteRow {
  code: string;
  desa: string;
  kecamatan: string;
  role: CadreRole;
  regency: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  used_by: number | null;
  used_at: number | null;
}

const toInvite = (r: InviteRow): Invite => ({
  code: r.code,
  desa: r.desa,
  kecamatan: r.kecamatan,
  role: r.role,
  regency: r.regency,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  usedBy: r.used_by,
  usedAt: r.used_at,
});

/** Whether an invite can still enrol someone, and if not, why. */
export function inviteState(invite: Invite | undefined, now: number): InviteState {
  if (!invite) return 'unknown';
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.usedBy !== null) return 'used';
  if (invite.expiresAt <= now) return 'expired';
  return 'valid';
}

/** Cadre invites and enrolled cadres. */
export function createCadreStore(sql: Sql) {
  const byCode = (code: string) => sql.get<InviteRow>('SELECT * FROM cadre_invites WHERE code = ?', [code]);

  return {
    async createInvite(input: { code: string; desa: string; kecamatan: string; role: CadreRole; regency: string; now: number; expiresAt: number; createdBy?: string }): Promise<Invite> {
      await sql.run(
        `INSERT INTO cadre_invites (code, desa, kecamatan, role, regency, created_at, created_by, expires_at)
         VALUES (@code, @desa, @kecamatan, @role, @regency, @now, @createdBy, @expiresAt)`,
        { ...input, createdBy: input.createdBy ?? null },
      );
      return toInvite((await byCode(input.code))!);
    },
    async invite(code: string): Promise<Invite | undefined> {
      const r = await byCode(code);
      return r ? toInvite(r) : undefined;
    },
    invites: async (): Promise<Invite[]> => (await sql.all<InviteRow>('SELECT * FROM cadre_invites ORDER BY created_at DESC')).map(toInvite),
    /** Every cadre (for the console's filter), by desa. */
    list: async (): Promise<{ personId: number; desa: string; role: CadreRole; regency: string }[]> =>
      (await sql.all<{ person_id: number; desa: string; role: CadreRole; regency: string }>('SELECT person_id, desa, role, regency FROM cadres ORDER BY desa')).map(
        (r) => ({ personId: r.person_id, desa: r.desa, role: r.role, regency: r.regency }),
      ),
    /** Revokes an invite; a cadre who enrolled with it loses the role at once. */
    revoke: (code: string, now: number): Promise<boolean> =>
      sql.transaction(async () => {
        const done = (await sql.run('UPDATE cadre_invites SET revoked_at = ? WHERE code = ? AND revoked_at IS NULL', [now, code])).changes === 1;
        if (done) await sql.run('DELETE FROM cadres WHERE invite_code = ?', [code]);
        return done;
      }),
    /** Uses a valid invite for a person; returns the cadre, or the reason it cannot. */
    async enrol(code: string, personId: number, now: number): Promise<Cadre | InviteState> {
      const invite = await byCode(code);
      const state = inviteState(invite ? toInvite(invite) : undefined, now);
      if (state !== 'valid' || !invite) return state;
      await sql.run('UPDATE cadre_invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL', [personId, now, code]);
      await sql.run(
        `INSERT INTO cadres (person_id, desa, kecamatan, role, regency, invite_code, enrolled_at)
         VALUES (@personId, @desa, @kecamatan, @role, @regency, @code, @now)
         ON CONFLICT(person_id) DO UPDATE SET desa = excluded.desa, kecamatan = excluded.kecamatan,
           role = excluded.role, regency = excluded.regency, invite_code = excluded.invite_code, enrolled_at = excluded.enrolled_at`,
        { personId, desa: invite.desa, kecamatan: invite.kecamatan, role: invite.role, regency: invite.regency, code, now },
      );
      return { personId, desa: invite.desa, kecamatan: invite.kecamatan, role: invite.role, regency: invite.regency };
    },
    async cadreOf(personId: number): Promise<Cadre | undefined> {
      const r = await sql.get<{ person_id: number; desa: string; kecamatan: string; role: CadreRole; regency: string }>(
        'SELECT person_id, desa, kecamatan, role, regency FROM cadres WHERE person_id = ?',
        [personId],
      );
      return r ? { personId: r.person_id, desa: r.desa, kecamatan: r.kecamatan, role: r.role, regency: r.regency } : undefined;
    },
  };
}

export type CadreStore = ReturnType<typeof createCadreStore>;
